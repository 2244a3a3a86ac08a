//! Demo data for an empty database, and synthetic users for large-organisation tests.

use bintu_wire::permission::{DEFAULT_ROLES, ROLE_ADMIN, ROLE_READONLY, ROLE_USER};
use bintu_wire::Permission;
use bintu_wire::Role;
use rusqlite::{params, Connection};

use crate::crypto::{hash_password, new_key, new_token_key};
use crate::db::organisation::{self, OrgRow};
use crate::db::{roles, tags, users};

/// Password of the three demo logins. Demo only.
pub const DEMO_PASSWORD: &str = "demo-password";
/// The three demo logins, one per default role.
pub const DEMO_LOGINS: &[(&str, &str)] = &[
    ("admin@demo.local", ROLE_ADMIN),
    ("user@demo.local", ROLE_USER),
    ("readonly@demo.local", ROLE_READONLY),
];

/// Internal name of the seeded custom role for stream operators.
pub const ROLE_STREAM_MANAGER: &str = "streamManager";
/// Internal name of the seeded custom role for analysts.
pub const ROLE_ANALYST: &str = "analyst";

const DAY: i64 = 86_400;

/// Further seeded users (no password: they cannot log in), with their role.
const OTHER_USERS: &[(&str, &str)] = &[
    ("lena.fischer@demo-streaming.de", ROLE_ADMIN),
    ("jonas.becker@demo-streaming.de", ROLE_USER),
    ("sophie.wagner@demo-streaming.de", ROLE_USER),
    ("maximilian.hoffmann@demo-streaming.de", ROLE_USER),
    ("emma.schulz@demo-streaming.de", ROLE_USER),
    ("noah.koch@demo-streaming.de", ROLE_USER),
    ("mia.richter@demo-streaming.de", ROLE_USER),
    ("julia.krause@demo-streaming.de", ROLE_USER),
    ("paul.klein@demo-streaming.de", ROLE_READONLY),
    ("hannah.wolf@demo-streaming.de", ROLE_READONLY),
    ("felix.neumann@partner-agency.com", ROLE_READONLY),
    ("lea.schwarz@partner-agency.com", ROLE_READONLY),
    ("tom.zimmermann@demo-streaming.de", ROLE_STREAM_MANAGER),
    ("clara.braun@demo-streaming.de", ROLE_STREAM_MANAGER),
    ("david.krueger@demo-streaming.de", ROLE_STREAM_MANAGER),
    ("anna.hofmann@eventcast.example", ROLE_STREAM_MANAGER),
    ("lukas.hartmann@demo-streaming.de", ROLE_ANALYST),
    ("marie.lange@demo-streaming.de", ROLE_ANALYST),
    ("sarah.okafor@insights.example", ROLE_ANALYST),
    ("priya.raman@insights.example", ROLE_ANALYST),
    ("carlos.mendez@insights.example", ROLE_ANALYST),
    ("oliver.weber@demo-streaming.de", ROLE_READONLY),
];

const TAGS: &[&str] = &[
    "live",
    "sports",
    "football",
    "basketball",
    "esports",
    "music",
    "concert",
    "festival",
    "news",
    "breaking",
    "weather",
    "finance",
    "conference",
    "keynote",
    "webinar",
    "training",
    "education",
    "lecture",
    "church",
    "worship",
    "auction",
    "shopping",
    "gaming",
    "talkshow",
    "interview",
    "backstage",
    "behind-the-scenes",
    "premiere",
    "trailer",
    "test",
    "staging",
    "production",
    "europe",
    "americas",
    "asia",
    "low-latency",
    "4k",
    "mobile",
    "vertical",
    "archived",
];

fn custom_roles() -> Vec<Role> {
    let strings = |xs: &[&str]| xs.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>();
    vec![
        Role {
            name: ROLE_STREAM_MANAGER.into(),
            display_name: "Stream Manager".into(),
            description: "Runs live streams and their tags; can see who is in the organisation."
                .into(),
            audiences: strings(&["Bintu", "Metrics", "Splay"]),
            permissions: vec![
                Permission::OrganisationGet,
                Permission::OrganisationGetPlayerKey,
                Permission::UserList,
                Permission::UserGet,
                Permission::TagGet,
                Permission::TagCreate,
                Permission::TagEdit,
                Permission::TagDelete,
                Permission::StreamGet,
                Permission::StreamCreate,
            ],
            is_default: false,
            user_count: 0,
        },
        Role {
            name: ROLE_ANALYST.into(),
            display_name: "Analyst".into(),
            description: "Reads metrics and stream statistics; changes nothing.".into(),
            audiences: strings(&["Bintu", "Metrics"]),
            permissions: vec![
                Permission::OrganisationGet,
                Permission::OrganisationGetPlayerKey,
                Permission::PermissionList,
                Permission::MetricKeyGet,
                Permission::TagGet,
                Permission::StreamGet,
            ],
            is_default: false,
            user_count: 0,
        },
    ]
}

/// A package or sub-feature to seed: (key, name, enabled).
type Feature = (&'static str, &'static str, bool);

/// Packages in display order: (key, name, enabled, sub-features).
const PACKAGES: &[(&str, &str, bool, &[Feature])] = &[
    (
        "live_processing",
        "Live Processing",
        true,
        &[
            ("thumbnail", "Thumbnail", true),
            ("motion_clip", "Motion Clip", false),
            ("recording", "Recording", true),
            ("live_replay", "Live Replay", false),
        ],
    ),
    ("h5live_player", "H5Live", true, &[]),
    ("webcaster", "Webcaster", true, &[]),
    ("transcoding", "Transcoding", false, &[]),
    ("secure_playback", "Secure Playback", true, &[]),
    ("vod", "Video on Demand", false, &[]),
    ("metadata", "Metadata", true, &[]),
    ("live_captions", "Live Captions", false, &[]),
];

/// Whether the database holds no organisation yet.
pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    Ok(organisation::get(conn)?.is_none())
}

/// Seeds the demo organisation in one transaction. `now` is Unix seconds.
pub fn seed_demo(conn: &mut Connection, now: i64) -> rusqlite::Result<()> {
    // Hash before opening the transaction: it is the slow part. Each demo login gets
    // its own salt.
    let demo_hashes: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = DEMO_LOGINS
            .iter()
            .map(|_| s.spawn(|| hash_password(DEMO_PASSWORD)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("hashing thread panicked"))
            .collect()
    });

    let tx = conn.transaction()?;
    organisation::insert(
        &tx,
        &OrgRow {
            id: 0,
            name: "Demo Streaming GmbH".into(),
            support_level: "Basic Support".into(),
            analytics_level: "Premium Analytics".into(),
            webhook: String::new(),
            vod_public: false,
            api_key: new_key("bintu_"),
            player_key: new_key("player_"),
        },
    )?;
    for (pos, (key, name, enabled, features)) in PACKAGES.iter().enumerate() {
        let id = organisation::insert_package(&tx, None, pos as i64, key, name, *enabled)?;
        for (fpos, (fkey, fname, fenabled)) in features.iter().enumerate() {
            organisation::insert_package(&tx, Some(id), fpos as i64, fkey, fname, *fenabled)?;
        }
    }
    for (pos, d) in DEFAULT_ROLES.iter().enumerate() {
        let role = Role {
            name: d.name.into(),
            display_name: d.display_name.into(),
            description: d.description.into(),
            audiences: d.audiences.iter().map(|s| (*s).to_owned()).collect(),
            permissions: d.permissions.to_vec(),
            is_default: true,
            user_count: 0,
        };
        roles::insert(&tx, &role, pos as i64)?;
    }
    for (pos, role) in custom_roles().iter().enumerate() {
        roles::insert(&tx, role, 100 + pos as i64)?;
    }
    // The demo logins are the oldest accounts; the others joined over the past year.
    for (i, ((email, role), hash)) in DEMO_LOGINS.iter().zip(&demo_hashes).enumerate() {
        let created = now - 365 * DAY + i as i64 * 3600;
        users::insert(&tx, email, Some(hash), role, &new_token_key(), created)?;
    }
    for (i, (email, role)) in OTHER_USERS.iter().enumerate() {
        let created = now - 360 * DAY + (i as i64 * 16 + 3) * DAY + (i as i64 * 3779) % DAY;
        users::insert(&tx, email, None, role, &new_token_key(), created)?;
    }
    for (i, name) in TAGS.iter().enumerate() {
        // Deterministic but uneven stream counts.
        let count = (i as u64 * 37 + 11) % 97 + if i % 7 == 0 { 150 } else { 0 };
        tags::insert(&tx, name, count)?;
    }
    crate::seed_history::seed_history(&tx, now)?;
    tx.commit()
}

/// Adds `n` synthetic users (no password, never admins) in one transaction; emails
/// are deterministic, so running again with the same `n` adds nothing.
pub fn seed_synthetic_users(conn: &mut Connection, n: u32, now: i64) -> rusqlite::Result<usize> {
    const ROLES: &[&str] = &[ROLE_USER, ROLE_READONLY, ROLE_STREAM_MANAGER, ROLE_ANALYST];
    let tx = conn.transaction()?;
    let mut added = 0;
    {
        let mut stmt = tx.prepare(
            "INSERT OR IGNORE INTO user (email, password_hash, role, token_key, created_at)
             VALUES (?1, NULL, ?2, ?3, ?4)",
        )?;
        for i in 0..n as i64 {
            let email = format!("load-user-{i:06}@synthetic.demo.local");
            let role = ROLES[(i as usize) % ROLES.len()];
            let created = now - (i * 7919) % (365 * DAY);
            added += stmt.execute(params![email, role, new_token_key(), created])?;
        }
    }
    tx.commit()?;
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::migrations;

    fn db() -> Connection {
        let mut c = Connection::open_in_memory().unwrap();
        migrations::apply(&mut c).unwrap();
        c
    }

    #[test]
    fn demo_seed_has_what_the_console_needs() {
        let mut c = db();
        assert!(is_empty(&c).unwrap());
        seed_demo(&mut c, 1_700_000_000).unwrap();
        assert!(!is_empty(&c).unwrap());
        let roles = roles::list(&c).unwrap();
        assert_eq!(roles[0].name, ROLE_ADMIN);
        assert!(roles.len() >= 5);
        assert!(roles.iter().all(|r| r.user_count > 0));
        assert_eq!(users::count_with_role(&c, ROLE_ADMIN).unwrap(), 2);
        let pkgs = organisation::packages(&c).unwrap();
        assert_eq!(pkgs[0].features.len(), 4);
        assert_eq!(pkgs.len(), 8);
        // Named as bintu's dashboard names them.
        assert!(pkgs.iter().any(|p| p.name == "H5Live"));
        assert!(pkgs.iter().any(|p| p.name == "Live Captions"));
        // A short past for the Activity tab, and no invite left open by it.
        let history: i64 = c
            .query_row("SELECT COUNT(*) FROM activity", [], |r| r.get(0))
            .unwrap();
        assert_eq!(history, 8);
        assert!(crate::db::invites::pending(&c, 1_700_000_000)
            .unwrap()
            .is_empty());
        // Seeded custom roles only use known permissions.
        for r in custom_roles() {
            assert!(r
                .permissions
                .iter()
                .all(|p| bintu_wire::permission::ALL.contains(p)));
        }
    }

    #[test]
    fn synthetic_users_are_idempotent() {
        let mut c = db();
        seed_demo(&mut c, 1_700_000_000).unwrap();
        assert_eq!(
            seed_synthetic_users(&mut c, 500, 1_700_000_000).unwrap(),
            500
        );
        assert_eq!(seed_synthetic_users(&mut c, 500, 1_700_000_000).unwrap(), 0);
    }
}
