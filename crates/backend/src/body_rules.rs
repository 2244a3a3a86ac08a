//! The limits of each request body beyond its shape, checked as the body is read
//! ([`crate::extract::BodyRules`]), before any lookup: the same limits the OpenAPI
//! document states for these fields (`bintu_wire::openapi`).

use bintu_wire::invite::MAX_INVITE_HOURS;
use bintu_wire::validate;
use bintu_wire::{
    AcceptInviteRequest, CreateInviteRequest, InviteLookupRequest, LoginRequest,
    ResetTokenKeyRequest, SetPermissionRequest, VodBody, WebhookBody,
};

use crate::error::ApiError;
use crate::extract::BodyRules;

/// A role's name must not be blank (400/1002, as if it were missing).
fn role_named(role: &str) -> Result<(), ApiError> {
    if validate::is_blank(role) {
        return Err(ApiError::Required("role".into()));
    }
    Ok(())
}

impl BodyRules for SetPermissionRequest {
    fn check(&self) -> Result<(), ApiError> {
        role_named(&self.role)
    }
}

impl BodyRules for CreateInviteRequest {
    fn check(&self) -> Result<(), ApiError> {
        role_named(&self.role)?;
        match self.expires_in_hours {
            Some(hours) if !(1..=MAX_INVITE_HOURS).contains(&hours) => Err(ApiError::invalid(
                "expiresInHours",
                format!("An invite is valid for 1 to {MAX_INVITE_HOURS} hours."),
            )),
            _ => Ok(()),
        }
    }
}

/// The URL's form (absolute, https or http, no credentials, no stray characters, not
/// too long); whether its host may be internal depends on the server's settings, so
/// the handler checks that. The length as sent, as the OpenAPI document states it:
/// trimmed first, 3,000 spaces would pass as "no webhook".
impl BodyRules for WebhookBody {
    fn check(&self) -> Result<(), ApiError> {
        let invalid = |e: validate::WebhookError| ApiError::invalid("webhook", e.message());
        if self.webhook.chars().count() > validate::MAX_WEBHOOK_LEN {
            return Err(invalid(validate::WebhookError::TooLong));
        }
        validate::webhook_allowing_internal(self.webhook.trim()).map_err(invalid)
    }
}

impl BodyRules for AcceptInviteRequest {
    fn check(&self) -> Result<(), ApiError> {
        if !validate::email(self.email.trim()) {
            return Err(ApiError::invalid("email", "Enter a valid email address."));
        }
        match validate::password_problem(&self.password) {
            Some(problem) => Err(ApiError::invalid("password", problem)),
            None => Ok(()),
        }
    }
}

/// Bodies whose shape is their whole rule.
macro_rules! no_rules_beyond_shape {
    ($($body:ty),*) => {
        $(impl BodyRules for $body {
            fn check(&self) -> Result<(), ApiError> {
                Ok(())
            }
        })*
    };
}

no_rules_beyond_shape!(
    LoginRequest,
    InviteLookupRequest,
    ResetTokenKeyRequest,
    VodBody,
    crate::handlers::meta::AdvanceClock
);

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::error::code;

    fn code_of(r: Result<(), ApiError>) -> Option<u32> {
        r.err().map(|e| e.status_and_code().1)
    }

    #[test]
    fn a_blank_role_is_a_missing_one() {
        let set = |role: &str| SetPermissionRequest {
            user_id: 1,
            role: role.into(),
        };
        assert_eq!(code_of(set(" \t").check()), Some(code::PARAMETER_REQUIRED));
        assert_eq!(code_of(set("nanoUser").check()), None);
    }

    #[test]
    fn invite_hours_are_held_to_their_range() {
        let invite = |hours| CreateInviteRequest {
            role: "nanoUser".into(),
            expires_in_hours: hours,
        };
        assert_eq!(code_of(invite(None).check()), None);
        assert_eq!(code_of(invite(Some(1)).check()), None);
        assert_eq!(code_of(invite(Some(MAX_INVITE_HOURS)).check()), None);
        for bad in [0, MAX_INVITE_HOURS + 1] {
            assert_eq!(
                code_of(invite(Some(bad)).check()),
                Some(code::INVALID_VALUE)
            );
        }
    }

    #[test]
    fn a_webhook_of_the_wrong_form_is_refused_before_its_host_is_judged() {
        let hook = |url: &str| WebhookBody {
            webhook: url.into(),
        };
        assert_eq!(code_of(hook("").check()), None);
        assert_eq!(code_of(hook("http://127.0.0.1/x").check()), None);
        assert_eq!(
            code_of(hook("not a url").check()),
            Some(code::INVALID_VALUE)
        );
        let long = format!(
            "https://example.com/{}",
            "a".repeat(validate::MAX_WEBHOOK_LEN)
        );
        assert_eq!(code_of(hook(&long).check()), Some(code::INVALID_VALUE));
        // Over the documented length as sent, though nothing is left once trimmed.
        let blank = "\u{c}".repeat(validate::MAX_WEBHOOK_LEN + 1);
        assert_eq!(code_of(hook(&blank).check()), Some(code::INVALID_VALUE));
    }

    #[test]
    fn a_sign_up_needs_an_email_and_a_password_that_pass_the_rules() {
        let accept = |email: &str, password: &str| AcceptInviteRequest {
            token: "t".into(),
            email: email.into(),
            password: password.into(),
        };
        assert_eq!(code_of(accept("a@b.example", "long enough!").check()), None);
        assert_eq!(
            code_of(accept("nope", "long enough!").check()),
            Some(code::INVALID_VALUE)
        );
        assert_eq!(
            code_of(accept("a@b.example", "short").check()),
            Some(code::INVALID_VALUE)
        );
    }
}
