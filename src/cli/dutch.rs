//! clap writes its own headings and notes in English ("Usage:", "Possible values:", "Print
//! help"); our users read Dutch (issue 11 item 11). The help and error texts clap renders are put
//! into Dutch with this table before they are printed: the words are clap's fixed texts, so a
//! table of them is all it takes, and our own texts (already Dutch) pass unchanged.

/// clap's fixed English texts and their Dutch, longest first where one contains another.
const TRANSLATIONS: &[(&str, &str)] = &[
    ("Print help (see a summary with '-h')", "Toon deze hulp (een samenvatting met '-h')"),
    ("Print help (see more with '--help')", "Toon deze hulp (meer met '--help')"),
    ("Print this message or the help of the given subcommand(s)", "Toon deze hulp of die van de gegeven opdracht"),
    ("Print help", "Toon deze hulp"),
    ("Print version", "Toon de versie"),
    ("Usage:", "Gebruik:"),
    ("[OPTIONS]", "[OPTIES]"),
    ("<COMMAND>", "<OPDRACHT>"),
    ("' found", "'"),
    ("Commands:", "Opdrachten:"),
    ("Arguments:", "Argumenten:"),
    ("Options:", "Opties:"),
    ("Possible values:", "Mogelijke waarden:"),
    ("[possible values: ", "[mogelijke waarden: "),
    ("[default: ", "[standaard: "),
    ("[aliases: ", "[ook: "),
    ("For more information, try '--help'.", "Meer uitleg: '--help'."),
    ("error: ", "fout: "),
    ("tip: ", "tip: "),
    ("unexpected argument", "onverwacht argument"),
    ("invalid value", "ongeldige waarde"),
    ("for '", "voor '"),
    ("the following required arguments were not provided:", "deze verplichte argumenten ontbreken:"),
    ("a value is required for", "er hoort een waarde bij"),
    ("but none was supplied", "maar die ontbreekt"),
    ("unrecognized subcommand", "onbekende opdracht"),
    ("to pass", "om"),
    ("as a value, use", "als waarde te geven, gebruik"),
    ("cannot be used with", "kan niet samen met"),
    ("wasn't expected, or isn't valid in this context", "was niet verwacht, of hoort hier niet"),
    ("a similar argument exists:", "bedoel je:"),
    ("a similar value exists:", "bedoel je:"),
    ("some similar subcommands exist:", "bedoel je een van deze:"),
];

/// The text with clap's English replaced by Dutch.
pub fn translate(text: &str) -> String {
    TRANSLATIONS.iter().fold(text.to_string(), |text, (english, dutch)| text.replace(english, dutch))
}

/// Print a clap error (help, version or a wrong argument) in Dutch and exit as clap would.
pub fn exit(error: clap::Error) -> ! {
    let text = translate(&error.render().to_string());
    let code = error.exit_code();
    if error.use_stderr() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    std::process::exit(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_texts_become_dutch_and_ours_stay() {
        assert_eq!(translate("Usage: postwacht scan [OPTIONS]"), "Gebruik: postwacht scan [OPTIES]");
        assert_eq!(translate("  -h, --help  Print help"), "  -h, --help  Toon deze hulp");
        assert_eq!(translate("Controleer bestanden"), "Controleer bestanden");
    }
}
