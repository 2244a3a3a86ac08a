//! The console's binary: trunk builds it for the browser; all of it lives in the library.

fn main() {
    org_console::start();
}
