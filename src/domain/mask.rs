//! Masking secrets for display: the value itself never reaches the DOM until revealed.

/// Bullets standing in for a secret, ending in its last four characters so people
/// can tell keys apart. Short secrets are masked completely; the bullet count is
/// capped so a long token does not reveal its length.
pub fn mask_secret(secret: &str) -> String {
    const SHOWN: usize = 4;
    const MAX_BULLETS: usize = 16;
    let n = secret.chars().count();
    if n == 0 {
        return String::new();
    }
    if n <= 2 * SHOWN {
        return "•".repeat(n.min(MAX_BULLETS));
    }
    let tail: String = secret.chars().skip(n - SHOWN).collect();
    format!("{}{}", "•".repeat((n - SHOWN).min(MAX_BULLETS)), tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_the_last_four() {
        assert_eq!(mask_secret("abcdefghijkl"), "••••••••ijkl");
    }

    #[test]
    fn long_secrets_do_not_reveal_their_length() {
        let m = mask_secret(&"x".repeat(500));
        assert_eq!(m.chars().count(), 16 + 4);
    }

    #[test]
    fn short_secrets_are_fully_hidden() {
        assert_eq!(mask_secret("abc"), "•••");
        assert_eq!(mask_secret(""), "");
        assert!(!mask_secret("12345678").contains('5'));
    }
}
