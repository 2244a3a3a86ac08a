//! Small text helpers that keep Unicode's tables out of the wasm.

/// `s` with its first letter in capitals, for ASCII letters only: `char::to_uppercase`
/// links Unicode's case table (12 KB of wasm) into whichever module calls it, and the
/// console's words either start with an ASCII letter or come capitalised from the
/// catalogs. Safe for any first character (no byte slicing).
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(first) = chars.next() {
        out.push(first.to_ascii_uppercase());
        out.push_str(chars.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::capitalised;

    #[test]
    fn the_first_ascii_letter_becomes_a_capital_and_nothing_else_changes() {
        assert_eq!(capitalised("would allow"), "Would allow");
        assert_eq!(capitalised("würde erlauben"), "Würde erlauben");
        assert_eq!(capitalised("Veröffentlichen"), "Veröffentlichen");
        assert_eq!(
            capitalised("über"),
            "über",
            "a non-ASCII first letter stays as it is"
        );
        assert_eq!(capitalised(""), "");
    }
}
