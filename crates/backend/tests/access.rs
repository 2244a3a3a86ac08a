//! Every authenticated endpoint × every default role (plus a custom role and the API
//! key): allowed → 2xx, otherwise 403/2001 naming the missing permission. The
//! expectation comes from the contract's role definitions in `bintu_wire`.

mod common;

use bintu_wire::permission::DEFAULT_ROLES;
use bintu_wire::Permission;
use common::*;
use reqwest::Method;
use serde_json::{json, Value};

/// One endpoint call of the matrix.
struct Case {
    method: Method,
    path: String,
    /// None: any authenticated caller may call it.
    permission: Option<Permission>,
    body: Option<Value>,
}

/// The endpoints in an order that keeps the caller's own session alive until the
/// final logout. Targets are seeded users other than the demo logins.
async fn cases(s: &TestServer) -> Vec<Case> {
    let victim = s.user_id("jonas.becker@demo-streaming.de").await;
    let doomed = s.user_id("paul.klein@demo-streaming.de").await;
    let (invite_id, _) = s.invite("nanoReadOnly", None).await;
    let c =
        |method: Method, path: String, permission: Option<Permission>, body: Option<Value>| Case {
            method,
            path,
            permission,
            body,
        };
    vec![
        c(Method::GET, "/user/me".into(), None, None),
        c(
            Method::GET,
            "/organisation".into(),
            Some(Permission::OrganisationGet),
            None,
        ),
        c(
            Method::PUT,
            "/organisation/webhook".into(),
            Some(Permission::OrganisationSetWebhook),
            Some(json!({ "webhook": "https://example.com/hook" })),
        ),
        c(
            Method::GET,
            "/organisation/vod".into(),
            Some(Permission::OrganisationGet),
            None,
        ),
        c(
            Method::PUT,
            "/organisation/vod".into(),
            Some(Permission::OrganisationSetVod),
            Some(json!({ "public": true })),
        ),
        c(
            Method::GET,
            "/tag?page=1&pageSize=10".into(),
            Some(Permission::TagGet),
            None,
        ),
        c(
            Method::GET,
            "/user".into(),
            Some(Permission::UserList),
            None,
        ),
        c(
            Method::GET,
            format!("/user/{victim}"),
            Some(Permission::UserGet),
            None,
        ),
        c(
            Method::PUT,
            "/user/permission".into(),
            Some(Permission::UserSetPermission),
            Some(json!({ "userId": victim, "role": "nanoReadOnly" })),
        ),
        c(
            Method::PUT,
            "/user/tokenkey".into(),
            Some(Permission::UserResetTokenKey),
            Some(json!({ "userId": victim })),
        ),
        c(
            Method::GET,
            "/permission/list".into(),
            Some(Permission::PermissionList),
            None,
        ),
        c(
            Method::GET,
            "/permission?name=nanoUser".into(),
            Some(Permission::PermissionGet),
            None,
        ),
        c(
            Method::POST,
            "/invite".into(),
            Some(Permission::InviteCreate),
            Some(json!({ "role": "nanoReadOnly" })),
        ),
        c(
            Method::GET,
            "/invite".into(),
            Some(Permission::InviteList),
            None,
        ),
        c(
            Method::DELETE,
            format!("/invite/{invite_id}"),
            Some(Permission::InviteRevoke),
            None,
        ),
        c(
            Method::GET,
            "/activity?pageSize=5".into(),
            Some(Permission::ActivityList),
            None,
        ),
        c(
            Method::DELETE,
            format!("/user/{doomed}"),
            Some(Permission::UserDelete),
            None,
        ),
        c(Method::POST, "/user/logout".into(), None, None),
    ]
}

/// Runs the matrix for one caller whose role grants `granted`.
async fn check_role(s: &TestServer, who: &str, auth: &Auth, granted: &[Permission]) {
    for case in cases(s).await {
        let a = s
            .call(case.method.clone(), &case.path, auth, case.body.clone())
            .await;
        let allowed = case.permission.as_ref().is_none_or(|p| granted.contains(p));
        let what = format!("{who}: {} {}", case.method, case.path);
        if allowed {
            assert!(
                a.status.is_success(),
                "{what} should be allowed: {} {}",
                a.status,
                a.body
            );
        } else {
            assert_eq!(
                a.status.as_u16(),
                403,
                "{what} should be denied: {}",
                a.body
            );
            assert_eq!(a.code(), 2001, "{what}");
            assert_eq!(
                a.body["error"]["userinfo"]["permission"],
                case.permission.unwrap().as_str(),
                "{what}"
            );
        }
    }
}

fn default_permissions(role: &str) -> &'static [Permission] {
    DEFAULT_ROLES
        .iter()
        .find(|r| r.name == role)
        .expect("default role")
        .permissions
}

#[tokio::test]
async fn admin_may_call_every_endpoint() {
    let s = start().await;
    let auth = s.login(ADMIN).await;
    check_role(&s, "nanoAdmin", &auth, default_permissions("nanoAdmin")).await;
}

#[tokio::test]
async fn user_gets_exactly_the_nano_user_permissions() {
    let s = start().await;
    let auth = s.login(USER).await;
    check_role(&s, "nanoUser", &auth, default_permissions("nanoUser")).await;
}

#[tokio::test]
async fn readonly_gets_exactly_the_nano_readonly_permissions() {
    let s = start().await;
    let auth = s.login(READONLY).await;
    check_role(
        &s,
        "nanoReadOnly",
        &auth,
        default_permissions("nanoReadOnly"),
    )
    .await;
}

#[tokio::test]
async fn custom_role_is_checked_by_its_own_permission_list() {
    let s = start().await;
    let role = s.get("/permission?name=streamManager", &s.key()).await;
    let granted: Vec<Permission> =
        serde_json::from_value(role.assert_ok()["permissions"].clone()).unwrap();
    // The custom role may list users but not roles: different from every default.
    assert!(granted.contains(&Permission::UserList));
    assert!(!granted.contains(&Permission::PermissionList));
    let auth = s.sign_up("streamManager", "stream.boss@example.com").await;
    check_role(&s, "streamManager", &auth, &granted).await;
}

#[tokio::test]
async fn api_key_acts_with_admin_rights() {
    let s = start().await;
    for case in cases(&s).await {
        let a = s
            .call(case.method.clone(), &case.path, &s.key(), case.body)
            .await;
        if case.path == "/user/me" {
            // The key is the organisation, not a user.
            a.assert_error(403, 2001);
        } else {
            assert!(
                a.status.is_success(),
                "{} {}: {} {}",
                case.method,
                case.path,
                a.status,
                a.body
            );
        }
    }
}

#[tokio::test]
async fn every_protected_endpoint_needs_credentials() {
    let s = start().await;
    for case in cases(&s).await {
        let a = s
            .call(
                case.method.clone(),
                &case.path,
                &Auth::None,
                case.body.clone(),
            )
            .await;
        assert_eq!(
            (a.status.as_u16(), a.code()),
            (401, 4001),
            "{} {}",
            case.method,
            case.path
        );
        let bad = Auth::Token("not-a-real-token".into());
        let a = s
            .call(case.method.clone(), &case.path, &bad, case.body.clone())
            .await;
        assert_eq!(
            (a.status.as_u16(), a.code()),
            (401, 4003),
            "{} {}",
            case.method,
            case.path
        );
    }
}

#[tokio::test]
async fn api_key_is_withheld_from_roles_without_get_api_key() {
    let s = start().await;
    for email in [USER, READONLY] {
        let login = s.login_answer(email, DEMO_PASSWORD).await;
        assert!(
            login.assert_ok().get("apiKey").is_none(),
            "{email}: {}",
            login.body
        );
        let auth = s.login(email).await;
        let org = s.get("/organisation", &auth).await;
        let body = org.assert_ok();
        assert!(body.get("apiKey").is_none(), "{email}: {body}");
        assert!(
            body["playerKey"].is_string(),
            "{email}: player key expected"
        );
        assert!(!org.body.to_string().contains(&s.api_key));
    }
    let login = s.login_answer(ADMIN, DEMO_PASSWORD).await;
    assert_eq!(login.body["apiKey"], s.api_key.as_str());
    let org = s.get("/organisation", &s.login(ADMIN).await).await;
    assert_eq!(org.body["apiKey"], s.api_key.as_str());
}
