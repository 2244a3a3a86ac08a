//! The organisation console (placeholder until the shell lands).
