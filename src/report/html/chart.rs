//! The hour-of-day chart of the review page: how many comments to act on were placed in each
//! hour (Dutch clock), as a small inline SVG bar chart with the numbers written on it, so it reads
//! without colour and prints.

use std::fmt::Write;

const WIDTH: usize = 480;
const HEIGHT: usize = 150;
const TOP: usize = 16;
const BOTTOM: usize = 22;

/// The chart for `per_hour` (24 counts).
pub fn hours(per_hour: &[usize; 24]) -> String {
    let most = per_hour.iter().copied().max().unwrap_or(0).max(1);
    let total: usize = per_hour.iter().sum();
    let slot = WIDTH / 24;
    let room = HEIGHT - TOP - BOTTOM;
    let mut svg = format!(
        "<svg class=\"hours\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"hours-title\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"hours-title\">Reacties per uur van de dag ({total} in totaal)</title>"
    );
    let _ = write!(svg, "<line x1=\"0\" y1=\"{y}\" x2=\"{WIDTH}\" y2=\"{y}\" class=\"axis\"/>", y = HEIGHT - BOTTOM);
    for (hour, &count) in per_hour.iter().enumerate() {
        let x = hour * slot;
        let height = count * room / most;
        let y = HEIGHT - BOTTOM - height;
        if count > 0 {
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{height}\" class=\"bar\" data-hour=\"{hour}\" data-count=\"{count}\">\
                 <title>{hour}:00–{hour}:59: {count}</title></rect>\
                 <text x=\"{}\" y=\"{}\" class=\"count\">{count}</text>",
                x + 2,
                slot - 4,
                x + slot / 2,
                y.saturating_sub(3).max(10),
            );
        }
        if hour % 3 == 0 {
            let _ = write!(svg, "<text x=\"{}\" y=\"{}\" class=\"tick\">{hour}</text>", x + slot / 2, HEIGHT - 6);
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_hour_with_comments() {
        let mut per_hour = [0; 24];
        per_hour[9] = 2;
        per_hour[14] = 4;
        let svg = hours(&per_hour);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("data-hour=\"14\" data-count=\"4\""));
        // The tallest bar fills the room between the top and the axis.
        assert!(svg.contains(&format!("y=\"{TOP}\" width=\"16\" height=\"{}\"", HEIGHT - TOP - BOTTOM)));
        assert!(svg.contains("6 in totaal"));
    }
}
