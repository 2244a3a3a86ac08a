//! From an [`ApiError`] to the sentence a person reads.

use super::ApiError;
use bintu_wire::code;

/// What to tell the user about `err`. Validation-type answers keep the server's own
/// sentence (it names the field and the rule); the others get a fixed, plain one.
pub fn user_message(err: &ApiError) -> String {
    match err {
        ApiError::Network(_) => crate::tr!(error_text.cannot_reach_server_check_your).to_string(),
        ApiError::Unexpected { status, .. } => {
            crate::tr!(
                error_text.unexpected_answer_from_server_http,
                status = status
            )
        }
        ApiError::Server {
            status,
            code: c,
            message,
            retry_after_secs,
        } => match *c {
            code::TOO_MANY_ATTEMPTS => {
                crate::tr!(
                    error_text.too_many_attempts,
                    retry_after_secs = try_again(*retry_after_secs)
                )
            }
            code::BUSY => crate::tr!(
                error_text.the_server_is_busy,
                retry_after_secs = try_again(*retry_after_secs)
            ),
            // Ours, not the server's: it is shown in the console's language.
            code::CREDENTIALS_NOT_VALID => {
                crate::tr!(error_text.the_email_or_password_is).to_string()
            }
            code::TOKEN_NOT_VALID | code::UNAUTHENTICATED => {
                crate::tr!(error_text.your_session_has_expired_please).to_string()
            }
            code::ACCESS_DENIED => crate::tr!(error_text.your_role_does_not_allow).to_string(),
            code::NOT_FOUND => crate::tr!(error_text.this_item_does_not_exist).to_string(),
            code::BODY_TOO_LARGE => crate::tr!(error_text.the_input_is_too_large).to_string(),
            code::INTERNAL => crate::tr!(error_text.the_server_failed_please_try).to_string(),
            _ if message.trim().is_empty() => {
                crate::tr!(error_text.the_request_failed_http, status = status)
            }
            _ => with_full_stop(message),
        },
    }
}

/// "Try again in 30 seconds." (minutes from two minutes on), or "later" without a figure.
fn try_again(secs: Option<u64>) -> String {
    match secs {
        None | Some(0) => crate::tr!(error_text.try_again_later).to_string(),
        Some(s) if s < 120 => crate::tr_count!(error_text.try_again_in_seconds, s),
        Some(s) => crate::tr_count!(error_text.try_again_in_minutes, s.div_ceil(60)),
    }
}

fn with_full_stop(s: &str) -> String {
    let mut out = crate::domain::text::capitalised(s.trim());
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(status: u16, c: u32, message: &str) -> ApiError {
        ApiError::Server {
            status,
            code: c,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    fn waiting(status: u16, c: u32, secs: Option<u64>) -> ApiError {
        ApiError::Server {
            status,
            code: c,
            message: "Too many failed attempts. Try again in 99 seconds.".into(),
            retry_after_secs: secs,
        }
    }

    #[test]
    fn throttled_logins_say_how_long_to_wait() {
        let m = |secs| user_message(&waiting(429, code::TOO_MANY_ATTEMPTS, secs));
        assert_eq!(m(Some(8)), "Too many attempts. Try again in 8 seconds.");
        assert_eq!(m(Some(1)), "Too many attempts. Try again in 1 second.");
        assert_eq!(m(Some(900)), "Too many attempts. Try again in 15 minutes.");
        assert_eq!(m(Some(121)), "Too many attempts. Try again in 3 minutes.");
        assert_eq!(m(None), "Too many attempts. Try again later.");
        let busy = user_message(&waiting(503, code::BUSY, Some(1)));
        assert_eq!(busy, "The server is busy. Try again in 1 second.");
    }

    #[test]
    fn wrong_password_gets_the_console_sentence_in_its_language() {
        let m = user_message(&server(401, 4002, "Email or password is not valid."));
        assert_eq!(m, "The email or password is incorrect.");
        let m = user_message(&server(401, 4002, ""));
        assert_eq!(m, "The email or password is incorrect.");
    }

    #[test]
    fn validation_keeps_the_server_sentence() {
        let m = user_message(&server(400, 1005, "webhook must be an absolute https URL"));
        assert_eq!(m, "Webhook must be an absolute https URL.");
        let m = user_message(&server(403, 2002, "You cannot delete yourself."));
        assert_eq!(m, "You cannot delete yourself.");
    }

    #[test]
    fn network_and_garbage_have_their_own_sentences() {
        assert!(user_message(&ApiError::Network("x".into())).contains("Cannot reach server"));
        let m = user_message(&ApiError::Unexpected {
            status: 200,
            detail: "eof".into(),
        });
        assert!(m.starts_with("Unexpected answer from server"));
        assert!(!m.contains("eof"), "parser details stay out of the UI");
    }

    #[test]
    fn an_empty_server_message_still_says_something() {
        assert_eq!(
            user_message(&server(409, 9999, " ")),
            "The request failed (HTTP 409)."
        );
    }
}
