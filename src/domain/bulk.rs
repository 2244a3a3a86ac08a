//! Bulk actions on the user list: what is selected, which of the selected users an
//! action applies to and which it skips (with the reason, before anything runs), and
//! how far a run got.
//!
//! The bintu API changes one user per call, so the console runs the calls itself;
//! the rules here are the backend's guards (yourself, the last admin) known in
//! advance, so the review can say who will be skipped instead of the run failing.

use crate::lang::intl::number;
use std::collections::{BTreeMap, HashMap};

use bintu_wire::permission::ROLE_ADMIN;
use bintu_wire::User;

use super::users_view::UsersView;

/// Deleting more users than this asks for their number to be typed.
pub const TYPE_TO_CONFIRM_ABOVE: usize = 10;
/// How many calls run at once: a few, so a large run finishes soon without
/// crowding out the page's other requests.
pub const PARALLEL_CALLS: usize = 4;
/// How many emails a review names before "and N more".
pub const EMAILS_NAMED: usize = 5;

/// The filter and search a selection belongs to: paging and sorting keep it, a
/// change of either clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    role: Option<String>,
    search: String,
}

impl Scope {
    /// The scope of the list showing `view`.
    pub fn of(view: &UsersView) -> Self {
        Self {
            role: view.role.clone(),
            search: view.search.clone(),
        }
    }
}

/// Whether a page's box in the header is ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    None,
    Some,
    All,
}

/// The selected users (with what the review needs of them), for one scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    scope: Scope,
    // A HashMap, not a BTreeMap: the main module has the one already, and the B-tree's
    // code (about 5 KB of wasm) came into User Management for this map alone.
    users: HashMap<i64, User>,
}

impl Selection {
    /// Nothing selected, in `scope`.
    pub fn new(scope: Scope) -> Self {
        Self {
            scope,
            users: HashMap::new(),
        }
    }

    /// Moves the selection to `scope`: kept when it is the same, else cleared.
    /// Returns whether something selected was dropped (worth a word to the user).
    pub fn follow(&mut self, scope: Scope) -> bool {
        if scope == self.scope {
            return false;
        }
        let dropped = !self.users.is_empty();
        *self = Self::new(scope);
        dropped
    }

    pub fn len(&self) -> usize {
        self.users.len()
    }

    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    pub fn contains(&self, id: i64) -> bool {
        self.users.contains_key(&id)
    }

    /// Selects or unselects one user.
    pub fn set(&mut self, user: &User, on: bool) {
        if on {
            self.users.insert(user.id, user.clone());
        } else {
            self.users.remove(&user.id);
        }
    }

    /// Selects or unselects every user of `users` (a page, a range, all matching).
    pub fn set_all(&mut self, users: &[User], on: bool) {
        for user in users {
            self.set(user, on);
        }
    }

    /// Users `from` to `to` of `page` (either order, both included), as shift-click
    /// selects them; empty when either is not on the page.
    pub fn range(page: &[User], from: i64, to: i64) -> &[User] {
        let at = |id| page.iter().position(|u| u.id == id);
        match (at(from), at(to)) {
            (Some(a), Some(b)) => &page[a.min(b)..=a.max(b)],
            _ => &[],
        }
    }

    /// How much of `page` is selected.
    pub fn page_state(&self, page: &[User]) -> PageState {
        let selected = page.iter().filter(|u| self.contains(u.id)).count();
        match selected {
            0 => PageState::None,
            n if n == page.len() => PageState::All,
            _ => PageState::Some,
        }
    }

    /// The selected users, by id.
    pub fn users(&self) -> Vec<User> {
        let mut users: Vec<User> = self.users.values().cloned().collect();
        users.sort_unstable_by_key(|u| u.id);
        users
    }

    /// "3 users selected", for people and screen readers.
    pub fn count_text(&self) -> String {
        match self.len() {
            0 => crate::tr!(bulk.no_users_selected).to_string(),
            n => crate::tr!(bulk.selected, n = users_text(n)),
        }
    }
}

/// "1 user", "3 users", "1,000 users".
pub fn users_text(n: usize) -> String {
    crate::tr_count!(bulk.users, n)
}

/// What a bulk action does to each user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkAction {
    /// Give every user this role (its internal name).
    ChangeRole(String),
    /// Renew every user's token key.
    ResetTokens,
    /// Delete every user.
    Delete,
}

/// Why a selected user is left out of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The caller themselves (the backend refuses it; a reset would end the session
    /// mid-way).
    Yourself,
    /// The organisation would have no admin left.
    LastAdmin,
    /// Already in the chosen role: nothing to change.
    AlreadyInRole,
}

impl SkipReason {
    /// The reason, for people.
    pub fn text(self, action: &BulkAction) -> &'static str {
        match (self, action) {
            (Self::Yourself, BulkAction::ResetTokens) => {
                crate::tr!(bulk.that_is_you_resetting_your)
            }
            (Self::Yourself, _) => crate::tr!(bulk.that_is_you_ask_another),
            (Self::LastAdmin, _) => crate::tr!(bulk.the_organisation_must_keep_at),
            (Self::AlreadyInRole, _) => crate::tr!(bulk.already_has_this_permission_level),
        }
    }
}

/// Which users an action applies to, and which it skips with why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub apply: Vec<User>,
    pub skipped: Vec<(User, SkipReason)>,
}

/// The plan for `action` on `users` by the caller `me` (None for the API key), with
/// `admins` the organisation's admin count when known.
pub fn plan(action: &BulkAction, users: &[User], me: Option<i64>, admins: Option<u64>) -> Plan {
    let mut plan = Plan::default();
    for user in users {
        let reason = if Some(user.id) == me {
            Some(SkipReason::Yourself)
        } else {
            match action {
                BulkAction::ChangeRole(role) if *role == user.role => {
                    Some(SkipReason::AlreadyInRole)
                }
                _ => None,
            }
        };
        match reason {
            Some(why) => plan.skipped.push((user.clone(), why)),
            None => plan.apply.push(user.clone()),
        }
    }
    keep_an_admin(action, admins, &mut plan);
    plan
}

/// Moves admins from `apply` to `skipped` until at least one admin remains after the
/// action (when it removes admins and their number is known).
fn keep_an_admin(action: &BulkAction, admins: Option<u64>, plan: &mut Plan) {
    let removes_admins = match action {
        BulkAction::ChangeRole(role) => role != ROLE_ADMIN,
        BulkAction::Delete => true,
        BulkAction::ResetTokens => false,
    };
    let Some(admins) = admins.filter(|_| removes_admins) else {
        return;
    };
    let mut removed = plan.apply.iter().filter(|u| u.role == ROLE_ADMIN).count() as u64;
    while removed >= admins && removed > 0 {
        let Some(last) = plan.apply.iter().rposition(|u| u.role == ROLE_ADMIN) else {
            break;
        };
        let user = plan.apply.remove(last);
        plan.skipped.push((user, SkipReason::LastAdmin));
        removed -= 1;
    }
}

/// The users of `users` grouped by their current role (internal name), in name order.
pub fn by_role(users: &[User]) -> Vec<(String, Vec<User>)> {
    let mut groups: BTreeMap<String, Vec<User>> = BTreeMap::new();
    for user in users {
        groups
            .entry(user.role.clone())
            .or_default()
            .push(user.clone());
    }
    groups.into_iter().collect()
}

/// "a@x.io, b@x.io and 3 more": the first emails of `users`.
pub fn first_emails(users: &[User]) -> String {
    let named: Vec<&str> = users
        .iter()
        .take(EMAILS_NAMED)
        .map(|u| u.email.as_str())
        .collect();
    let rest = users.len().saturating_sub(EMAILS_NAMED);
    match rest {
        0 => named.join(", "),
        n => crate::tr!(bulk.and_more, value = named.join(", "), n = n),
    }
}

/// Whether deleting `n` users asks for their number to be typed.
pub fn needs_typed_count(action: &BulkAction, n: usize) -> bool {
    *action == BulkAction::Delete && n > TYPE_TO_CONFIRM_ABOVE
}

/// How one call of a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallOutcome {
    Done,
    /// This user failed (deleted meanwhile, a guard): the run goes on.
    Failed(String),
    /// Nothing more can succeed (the session ended, the network is gone): the run
    /// stops.
    Stop(String),
}

/// How far a run got.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub done: Vec<User>,
    pub failed: Vec<(User, String)>,
    /// Why the run stopped before the end: Cancel, or a [`CallOutcome::Stop`].
    pub stopped: Option<String>,
}

impl Tally {
    /// A run of `total` calls, none made.
    pub fn new(total: usize) -> Self {
        Self {
            total,
            ..Self::default()
        }
    }

    /// Records `user`'s outcome.
    pub fn record(&mut self, user: User, outcome: CallOutcome) {
        match outcome {
            CallOutcome::Done => self.done.push(user),
            CallOutcome::Failed(why) => self.failed.push((user, why)),
            CallOutcome::Stop(why) => {
                self.failed.push((user, why.clone()));
                self.stopped.get_or_insert(why);
            }
        }
    }

    /// Calls answered so far.
    pub fn finished(&self) -> usize {
        self.done.len() + self.failed.len()
    }

    /// "12 of 40".
    pub fn progress_text(&self) -> String {
        crate::tr!(
            bulk.progress,
            done = number(self.finished() as u64),
            total = number(self.total as u64)
        )
    }

    /// The users of the run that did not get done (failed, or not reached).
    pub fn failed_users(&self) -> Vec<User> {
        self.failed.iter().map(|(u, _)| u.clone()).collect()
    }

    /// Calls never made (after a stop or Cancel).
    pub fn not_reached(&self) -> usize {
        self.total.saturating_sub(self.finished())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bintu_wire::permission::{ROLE_READONLY, ROLE_USER};

    fn user(id: i64, role: &str) -> User {
        User {
            id,
            email: format!("u{id}@example.com"),
            role: role.into(),
            token_key: "k".into(),
            created_at: "2026-12-03T06:59:00Z".into(),
        }
    }

    fn ids(users: &[User]) -> Vec<i64> {
        users.iter().map(|u| u.id).collect()
    }

    #[test]
    fn paging_and_sorting_keep_the_selection_a_new_filter_or_search_clears_it() {
        let view = UsersView::default();
        let mut s = Selection::new(Scope::of(&view));
        s.set(&user(1, ROLE_USER), true);
        assert!(!s.follow(Scope::of(&view.with_page(3))));
        assert_eq!(s.len(), 1);
        let filtered = UsersView {
            role: Some(ROLE_USER.into()),
            ..UsersView::default()
        };
        assert!(
            s.follow(Scope::of(&filtered)),
            "a dropped selection is worth a word"
        );
        assert!(s.is_empty());
        assert!(
            !s.follow(Scope::of(&UsersView::default())),
            "nothing to drop"
        );
    }

    #[test]
    fn a_page_is_none_some_or_all_selected_and_ranges_go_either_way() {
        let page: Vec<User> = (1..=5).map(|i| user(i, ROLE_USER)).collect();
        let mut s = Selection::default();
        assert_eq!(s.page_state(&page), PageState::None);
        s.set_all(Selection::range(&page, 4, 2), true);
        assert_eq!(ids(&s.users()), [2, 3, 4]);
        assert_eq!(s.page_state(&page), PageState::Some);
        s.set_all(&page, true);
        assert_eq!(s.page_state(&page), PageState::All);
        assert!(Selection::range(&page, 1, 99).is_empty());
        assert_eq!(s.count_text(), "5 users selected");
        s.set_all(&page[1..], false);
        assert_eq!(s.count_text(), "1 user selected");
        assert_eq!(users_text(10_000), "10,000 users");
    }

    #[test]
    fn yourself_and_users_already_in_the_role_are_skipped() {
        let users = [
            user(1, ROLE_ADMIN),
            user(2, ROLE_USER),
            user(3, ROLE_READONLY),
        ];
        let change = BulkAction::ChangeRole(ROLE_USER.into());
        let p = plan(&change, &users, Some(1), Some(2));
        assert_eq!(ids(&p.apply), [3]);
        assert_eq!(
            p.skipped
                .iter()
                .map(|(u, r)| (u.id, *r))
                .collect::<Vec<_>>(),
            [(1, SkipReason::Yourself), (2, SkipReason::AlreadyInRole)]
        );
        let reset = plan(&BulkAction::ResetTokens, &users, Some(1), Some(2));
        assert_eq!(ids(&reset.apply), [2, 3]);
        assert!(SkipReason::Yourself
            .text(&BulkAction::ResetTokens)
            .contains("end your session"));
    }

    #[test]
    fn the_last_admin_is_kept() {
        let users = [user(1, ROLE_ADMIN), user(2, ROLE_ADMIN), user(3, ROLE_USER)];
        // The API key (no user) deleting both of the organisation's two admins.
        let p = plan(&BulkAction::Delete, &users, None, Some(2));
        assert_eq!(ids(&p.apply), [1, 3]);
        assert_eq!(p.skipped, [(user(2, ROLE_ADMIN), SkipReason::LastAdmin)]);
        // A third admin elsewhere: both may go.
        assert_eq!(
            plan(&BulkAction::Delete, &users, None, Some(3)).apply.len(),
            3
        );
        // Promoting to admin or resetting removes no admin.
        let promote = BulkAction::ChangeRole(ROLE_ADMIN.into());
        assert!(plan(&promote, &users, None, Some(2))
            .skipped
            .iter()
            .all(|(_, r)| *r == SkipReason::AlreadyInRole));
        assert!(plan(&BulkAction::ResetTokens, &users, None, Some(2))
            .skipped
            .is_empty());
        // Unknown count: the backend has the last word.
        assert_eq!(plan(&BulkAction::Delete, &users, None, None).apply.len(), 3);
    }

    #[test]
    fn groups_emails_and_the_typed_count() {
        let users = [user(3, ROLE_USER), user(1, ROLE_ADMIN), user(2, ROLE_USER)];
        let groups = by_role(&users);
        assert_eq!(groups.len(), 2);
        assert_eq!(
            (groups[1].0.as_str(), ids(&groups[1].1)),
            (ROLE_USER, vec![3, 2])
        );
        let many: Vec<User> = (1..=7).map(|i| user(i, ROLE_USER)).collect();
        assert_eq!(
            first_emails(&many),
            "u1@example.com, u2@example.com, u3@example.com, u4@example.com, u5@example.com and 2 more"
        );
        assert!(!needs_typed_count(&BulkAction::Delete, 10));
        assert!(needs_typed_count(&BulkAction::Delete, 11));
        assert!(!needs_typed_count(&BulkAction::ResetTokens, 50));
    }

    #[test]
    fn a_tally_counts_failures_and_remembers_why_it_stopped() {
        let mut t = Tally::new(5);
        t.record(user(1, ROLE_USER), CallOutcome::Done);
        t.record(user(2, ROLE_USER), CallOutcome::Failed("gone".into()));
        assert_eq!(t.progress_text(), "2 of 5");
        t.record(user(3, ROLE_USER), CallOutcome::Stop("offline".into()));
        t.record(
            user(4, ROLE_USER),
            CallOutcome::Stop("offline again".into()),
        );
        assert_eq!(t.stopped.as_deref(), Some("offline"));
        assert_eq!(ids(&t.failed_users()), [2, 3, 4]);
        assert_eq!(t.not_reached(), 1);
    }
}
