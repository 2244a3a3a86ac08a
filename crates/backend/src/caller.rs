//! Who is calling: the `Caller` extractor authenticates `X-BINTU-TOKEN` (a session)
//! or `X-BINTU-APIKEY` (the organisation itself, with admin rights).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use bintu_wire::permission::ROLE_ADMIN;
use bintu_wire::Permission;
use bintu_wire::{Role, API_KEY_ACTOR, HEADER_APIKEY, HEADER_TOKEN};

use crate::crypto::{secrets_equal, sha256_hex};
use crate::db::users::UserRow;
use crate::db::{organisation, roles, sessions, users};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use rusqlite::Connection;

/// The session behind a token-authenticated request.
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: String,
    pub expires_at: i64,
}

/// An authenticated caller and the role it acts with.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The user, or None when the API key acts as the organisation.
    pub user: Option<UserRow>,
    pub role: Role,
    /// Set for token authentication.
    pub session: Option<Session>,
}

impl Caller {
    /// 403/2001 unless the caller's role grants `permission`.
    pub fn require(&self, permission: Permission) -> ApiResult<()> {
        if self.role.allows(&permission) {
            Ok(())
        } else {
            Err(ApiError::AccessDenied(permission.as_str().to_owned()))
        }
    }

    /// Whether the role grants `permission`.
    pub fn allows(&self, permission: Permission) -> bool {
        self.role.allows(&permission)
    }

    /// The acting user's id (None for the API key).
    pub fn actor_id(&self) -> Option<i64> {
        self.user.as_ref().map(|u| u.id)
    }

    /// The caller as the database has it now: read inside the transaction that
    /// changes data, so a role changed, a user deleted or a token key reset since
    /// the request was authenticated counts before anything is written.
    pub fn current(&self, conn: &Connection) -> ApiResult<Caller> {
        let Some(user) = &self.user else {
            // The API key acts as the organisation; it has no row that could change.
            return Ok(self.clone());
        };
        let now = users::by_id(conn, user.id)?
            .filter(|u| u.token_key == user.token_key)
            .ok_or(ApiError::TokenNotValid)?;
        let role = roles::get(conn, &now.role)?
            .ok_or_else(|| ApiError::Internal(format!("user {} has unknown role", now.id)))?;
        Ok(Caller {
            user: Some(now),
            role,
            session: self.session.clone(),
        })
    }

    /// Who to name as the creator of something.
    pub fn label(&self) -> String {
        self.user
            .as_ref()
            .map(|u| u.email.clone())
            .unwrap_or_else(|| API_KEY_ACTOR.to_owned())
    }
}

fn header<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let now = state.clock.now();
        if let Some(token) = header(parts, HEADER_TOKEN) {
            let token_hash = sha256_hex(token);
            return state
                .db
                .run(move |conn| {
                    let (user, expires_at) = sessions::find_valid(conn, &token_hash, now)?
                        .ok_or(ApiError::TokenNotValid)?;
                    let role = roles::get(conn, &user.role)?.ok_or_else(|| {
                        ApiError::Internal(format!("user {} has unknown role", user.id))
                    })?;
                    Ok(Caller {
                        user: Some(user),
                        role,
                        session: Some(Session {
                            token_hash,
                            expires_at,
                        }),
                    })
                })
                .await;
        }
        if let Some(key) = header(parts, HEADER_APIKEY) {
            let key = key.to_owned();
            return state
                .db
                .run(move |conn| {
                    let org = organisation::get(conn)?
                        .ok_or_else(|| ApiError::Internal("no organisation".into()))?;
                    if !secrets_equal(&key, &org.api_key) {
                        return Err(ApiError::BadCredentials("The API key is not valid."));
                    }
                    let role = roles::get(conn, ROLE_ADMIN)?
                        .ok_or_else(|| ApiError::Internal("admin role missing".into()))?;
                    Ok(Caller {
                        user: None,
                        role,
                        session: None,
                    })
                })
                .await;
        }
        Err(ApiError::Unauthenticated)
    }
}
