//! 200 phones follow 20 steps on loopback, each reacting and commenting on some of them:
//! every reaction and comment the server accepted is in the session once — none lost, none
//! doubled — and every phone received every step. (How soon is measured in `benches/room.rs`,
//! not here: speed goals are benchmarks.)

#[path = "room/load.rs"]
mod load;

#[test]
fn two_hundred_phones_lose_and_double_nothing() {
    let outcome = load::run(200, 20);
    assert_eq!(outcome.phones, 200);
    assert_eq!(outcome.steps_missed, 0, "every phone had every step");
    assert!(
        outcome.reactions_sent >= 200 * 20 / 4,
        "{}",
        outcome.reactions_sent
    );
    assert!(
        outcome.comments_sent >= 200 * 20 / 7 - 200,
        "{}",
        outcome.comments_sent
    );
    assert_eq!(
        outcome.reactions_kept, outcome.reactions_sent,
        "no reaction lost or doubled"
    );
    assert_eq!(
        outcome.comments_kept, outcome.comments_sent,
        "no comment lost"
    );
    assert_eq!(outcome.comments_doubled, 0, "no comment doubled");
    eprintln!(
        "200 phones x 20 steps: {} reactions, {} comments; step to phone p50 {:?}, p99 {:?}",
        outcome.reactions_sent,
        outcome.comments_sent,
        outcome.percentile(0.5),
        outcome.percentile(0.99)
    );
}
