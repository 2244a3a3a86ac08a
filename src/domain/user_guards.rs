//! The user-administration guards the backend enforces, known to the console so a
//! control can say why it is disabled before anyone tries: nobody deletes or changes
//! the role of themselves, and the last admin stays an admin.

use bintu_wire::permission::ROLE_ADMIN;
use bintu_wire::User;

/// Why you cannot delete yourself.
pub fn delete_self() -> &'static str {
    crate::tr!(user_guards.you_cannot_delete_your_own)
}
/// Why the last admin cannot be deleted.
pub fn delete_last_admin() -> &'static str {
    crate::tr!(user_guards.this_is_the_organisation_s)
}
/// Why you cannot change your own role.
pub fn change_self() -> &'static str {
    crate::tr!(user_guards.you_cannot_change_your_own)
}
/// Why the last admin cannot be demoted.
pub fn change_last_admin() -> &'static str {
    crate::tr!(user_guards.this_is_the_organisation_s_2)
}

/// Why `me` may not delete `target`, or `None`. `admins` is the number of admins
/// when known; when unknown the backend still has the last word.
pub fn delete_refusal(me: i64, target: &User, admins: Option<u64>) -> Option<&'static str> {
    refusal(me, target, admins, delete_self, delete_last_admin)
}

/// Why `me` may not change `target`'s role at all, or `None`.
pub fn role_change_refusal(me: i64, target: &User, admins: Option<u64>) -> Option<&'static str> {
    refusal(me, target, admins, change_self, change_last_admin)
}

/// `oneself` when `target` is `me`, `last_admin` when they are the last admin.
fn refusal(
    me: i64,
    target: &User,
    admins: Option<u64>,
    oneself: fn() -> &'static str,
    last_admin: fn() -> &'static str,
) -> Option<&'static str> {
    if target.id == me {
        Some(oneself())
    } else if is_last_admin(target, admins) {
        Some(last_admin())
    } else {
        None
    }
}

fn is_last_admin(target: &User, admins: Option<u64>) -> bool {
    target.role == ROLE_ADMIN && admins.is_some_and(|n| n <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64, role: &str) -> User {
        User {
            id,
            email: format!("u{id}@example.com"),
            role: role.into(),
            token_key: "k".into(),
            created_at: "2025-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn nobody_deletes_or_changes_themselves() {
        let me = user(1, ROLE_ADMIN);
        assert_eq!(delete_refusal(1, &me, Some(3)), Some(delete_self()));
        assert_eq!(role_change_refusal(1, &me, Some(3)), Some(change_self()));
    }

    #[test]
    fn the_last_admin_stays() {
        let other = user(2, ROLE_ADMIN);
        assert_eq!(
            delete_refusal(1, &other, Some(1)),
            Some(delete_last_admin())
        );
        assert_eq!(
            role_change_refusal(1, &other, Some(1)),
            Some(change_last_admin())
        );
        assert_eq!(delete_refusal(1, &other, Some(2)), None);
    }

    #[test]
    fn other_users_are_fair_game_and_unknown_counts_defer_to_the_backend() {
        assert_eq!(delete_refusal(1, &user(2, "nanoUser"), Some(1)), None);
        assert_eq!(role_change_refusal(1, &user(2, ROLE_ADMIN), None), None);
    }
}
