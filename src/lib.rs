//! CMOC Canvas: a desktop editor for realist programme theory diagrams, where a
//! context–mechanism–outcome configuration (CMOC) is a real object with a number, a polarity
//! (activated or "-ve", not activated), its C, M and O parts, evidence and comments.
//!
//! Data flows one way: a RON file is loaded ([`file`]) into a [`model::Document`], changed only
//! by [`edit::Edit`]s through the headless editor ([`session::Editor`]), and laid out for the
//! canvas and for export.

pub mod app;
pub mod cli;
pub mod edit;
pub mod file;
pub mod instance;
pub mod interchange;
pub mod model;
pub mod room;
pub mod scene;
pub mod session;
