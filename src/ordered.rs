//! A parallel map over a stream whose results come out in the order the work went in, with a
//! bounded amount of work in flight.
//!
//! A batch scan is a stream of units (files, or slices of a long export) that one thread reads
//! in order. Workers scan the units; the reading thread also prints, so it receives the results,
//! puts them back in order and hands each to `consume` as soon as all before it are done. At most
//! `window` units are read but not yet consumed, which bounds memory whatever the input's size,
//! and the output is the same at any number of threads.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::mpsc;

/// How many units per worker may be read ahead of the output.
const WINDOW_PER_THREAD: usize = 3;

/// Run `produce`, which hands units to the function it is given; each unit becomes a result by
/// `work` on one of `threads` workers, and the results reach `consume` in the units' order.
/// With one thread everything runs on the calling thread, one unit at a time.
pub fn map<U, R>(
    threads: usize,
    produce: impl FnOnce(&mut dyn FnMut(U)),
    work: impl Fn(U) -> R + Sync,
    mut consume: impl FnMut(R),
) where
    U: Send,
    R: Send,
{
    if threads <= 1 {
        produce(&mut |unit| consume(work(unit)));
        return;
    }
    let window = threads * WINDOW_PER_THREAD;
    let (to_workers, for_workers) = mpsc::sync_channel::<(usize, U)>(window);
    let for_workers = Mutex::new(for_workers);
    let (to_reader, results) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let to_reader = to_reader.clone();
            let (for_workers, work) = (&for_workers, &work);
            scope.spawn(move || {
                loop {
                    // Hold the lock only to take a unit, not while working on it.
                    let next = match for_workers.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(_) => break,
                    };
                    let Ok((number, unit)) = next else { break };
                    if to_reader.send((number, work(unit))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(to_reader);

        let mut order = Reorder { waiting: BTreeMap::new(), next: 0 };
        let mut sent = 0;
        produce(&mut |unit| {
            // Wait for output before reading further ahead than the window.
            while sent - order.next >= window {
                match results.recv() {
                    Ok(result) => order.arrive(result, &mut consume),
                    Err(_) => return,
                }
            }
            if to_workers.send((sent, unit)).is_err() {
                return;
            }
            sent += 1;
            while let Ok(result) = results.try_recv() {
                order.arrive(result, &mut consume);
            }
        });
        drop(to_workers);
        for result in results {
            order.arrive(result, &mut consume);
        }
    });
}

/// Results that came back early, waiting for those before them.
struct Reorder<R> {
    waiting: BTreeMap<usize, R>,
    /// The number of the next result to consume.
    next: usize,
}

impl<R> Reorder<R> {
    fn arrive(&mut self, (number, result): (usize, R), consume: &mut impl FnMut(R)) {
        self.waiting.insert(number, result);
        while let Some(result) = self.waiting.remove(&self.next) {
            consume(result);
            self.next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squares(threads: usize, count: usize) -> Vec<usize> {
        let mut out = Vec::new();
        map(
            threads,
            |submit| (0..count).for_each(submit),
            |n| {
                // Uneven work, so results come back out of order.
                if n % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                n * n
            },
            |r| out.push(r),
        );
        out
    }

    #[test]
    fn results_keep_the_input_order_at_any_thread_count() {
        let expected: Vec<usize> = (0..300).map(|n| n * n).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(squares(threads, 300), expected, "{threads} threads");
        }
    }

    #[test]
    fn no_work_is_fine() {
        assert!(squares(4, 0).is_empty());
    }

    #[test]
    fn the_reader_never_runs_further_ahead_than_the_window() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let produced = AtomicUsize::new(0);
        let mut furthest_ahead = 0;
        let mut consumed = 0;
        map(
            2,
            |submit| {
                for n in 0..200 {
                    produced.fetch_add(1, Ordering::SeqCst);
                    submit(n);
                }
            },
            |n| n,
            |_| {
                consumed += 1;
                furthest_ahead = furthest_ahead.max(produced.load(Ordering::SeqCst) - consumed);
            },
        );
        assert_eq!(consumed, 200);
        assert!(furthest_ahead <= 2 * WINDOW_PER_THREAD + 1, "{furthest_ahead} units ahead");
    }
}
