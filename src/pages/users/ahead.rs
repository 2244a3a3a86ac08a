//! A page of users asked for the moment the user asks for it (a role filter link, a
//! column header, the pager, the search), before the router has moved the address
//! and the list has followed: the request is out while the page updates, as a page
//! written by hand does it (`tests/bench/baseline`). The list's next load takes the
//! answer over if it is for the same page.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use bintu_wire::{Page, User, UserQuery};
use leptos::prelude::*;

use crate::api::{users, ApiClient, ApiError};

type Answer = Result<Page<User>, ApiError>;

/// The one page asked ahead, with the path it was asked at.
#[derive(Clone, Copy)]
pub struct ListAhead(StoredValue<Option<(String, Pending)>, LocalStorage>);

impl ListAhead {
    pub fn new() -> Self {
        Self(StoredValue::new_local(None))
    }

    /// Sends the request for the page of `query` now. Only for a page the list is
    /// about to load: an answer nobody takes would be taken by a later load.
    pub fn ask(self, api: &ApiClient, query: UserQuery) {
        let Ok(path) = users::list_path(&query) else {
            return;
        };
        let pending = Pending::default();
        self.0.set_value(Some((path, pending.clone())));
        let api = api.clone();
        leptos::task::spawn_local(async move {
            pending.answer(users::list(&api, &query).await);
        });
    }

    /// The answer asked ahead, if it was asked for `query`. The slot is emptied either
    /// way: an answer serves the load that follows its ask, never a later one.
    pub async fn take(self, query: &UserQuery) -> Option<Answer> {
        let (path, pending) = self.0.try_update_value(Option::take).flatten()?;
        if users::list_path(query).ok()? != path {
            return None;
        }
        Some(pending.await)
    }
}

/// An answer still to come, for one taker. Written here rather than taken from
/// futures-channel: its oneshot (thread-safe, with cancellation) cost User
/// Management's first visit 318 B brotli more, which the 200 KB budget did not have.
#[derive(Clone, Default)]
struct Pending(Rc<RefCell<(Option<Answer>, Option<Waker>)>>);

impl Pending {
    fn answer(&self, answer: Answer) {
        let mut slot = self.0.borrow_mut();
        slot.0 = Some(answer);
        if let Some(waker) = slot.1.take() {
            waker.wake();
        }
    }
}

impl Future for Pending {
    type Output = Answer;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Answer> {
        let mut slot = self.0.borrow_mut();
        match slot.0.take() {
            Some(answer) => Poll::Ready(answer),
            None => {
                slot.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
