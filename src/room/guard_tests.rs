use super::*;

/// A gate whose "random" numbers count up from `seed` (codes and tokens differ, tests repeat).
fn gate(seed: u64) -> Gate {
    let mut n = seed;
    Gate::new(Box::new(move || {
        n = n
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        n >> 11
    }))
}

#[test]
fn the_code_reads_off_a_projector_and_is_typed_as_people_type_it() {
    let mut g = gate(7);
    let code = g.code().to_string();
    assert_eq!(code.chars().count(), CODE_LENGTH);
    assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
    let now = Instant::now();
    let typed = format!(" {} {} ", &code[..3].to_lowercase(), &code[3..]);
    let token = g.join("10.0.0.2", &typed, now).expect("joins");
    assert_eq!(token.len(), 32);
    assert_eq!(g.devices(), 1);
    assert_eq!(g.device(&token), Some(DeviceId(1)));
    assert_ne!(gate(8).code(), code, "another room, another code");
}

#[test]
fn wrong_codes_lock_an_address_out_for_a_minute_and_not_the_others() {
    let mut g = gate(1);
    let code = g.code().to_string();
    let start = Instant::now();
    for _ in 0..WRONG_CODES_ALLOWED {
        assert_eq!(g.join("10.0.0.9", "AAAAAA", start), Err(Refused::WrongCode));
    }
    // Even the right code is refused while locked out.
    assert_eq!(g.join("10.0.0.9", &code, start), Err(Refused::LockedOut));
    assert!(
        g.join("10.0.0.10", &code, start).is_ok(),
        "others still join"
    );
    let later = start + LOCKOUT;
    assert!(g.join("10.0.0.9", &code, later).is_ok(), "after a minute");
}

#[test]
fn the_room_holds_at_most_two_hundred_phones() {
    let mut g = gate(2);
    let code = g.code().to_string();
    let now = Instant::now();
    for i in 0..MAX_DEVICES {
        g.join(&format!("10.0.1.{i}"), &code, now).expect("joins");
    }
    assert_eq!(g.join("10.0.2.1", &code, now), Err(Refused::Full));
    assert_eq!(g.devices(), MAX_DEVICES);
}

#[test]
fn each_phone_acts_at_most_ten_times_a_minute_and_large_bodies_are_refused() {
    let mut g = gate(3);
    let code = g.code().to_string();
    let start = Instant::now();
    let a = g.join("10.0.0.2", &code, start).expect("joins");
    let b = g.join("10.0.0.3", &code, start).expect("joins");
    for i in 0..ACTIONS_PER_WINDOW {
        let at = start + Duration::from_secs(i as u64);
        assert_eq!(g.act(&a, 100, at), Ok(DeviceId(1)));
    }
    let soon = start + Duration::from_secs(30);
    assert_eq!(g.act(&a, 100, soon), Err(Refused::TooFast));
    assert_eq!(
        g.act(&b, 100, soon),
        Ok(DeviceId(2)),
        "the other phone is not held back"
    );
    // A minute after its first action, the first of its share is free again.
    assert!(g.act(&a, 100, start + RATE_WINDOW).is_ok());
    assert_eq!(g.act(&b, MAX_BODY_BYTES + 1, soon), Err(Refused::TooLarge));
    assert_eq!(g.act("not a token", 10, soon), Err(Refused::UnknownDevice));
}

#[test]
fn a_comment_is_kept_as_plain_text_of_a_thousand_characters_at_most() {
    assert_eq!(
        clean_comment("  <b>Yes</b>\u{7}\r\nso true \u{202e}  ").as_deref(),
        Ok("<b>Yes</b>\nso true \u{202e}"),
        "markup stays text (shown as text everywhere); control characters go"
    );
    assert_eq!(clean_comment("   "), Err(Refused::BadComment));
    assert!(clean_comment(&"é".repeat(MAX_COMMENT_CHARS)).is_ok());
    assert_eq!(
        clean_comment(&"é".repeat(MAX_COMMENT_CHARS + 1)),
        Err(Refused::BadComment)
    );
}

#[test]
fn a_flood_of_addresses_is_forgotten_but_a_locked_one_stays_locked() {
    let mut g = gate(4);
    let now = Instant::now();
    for _ in 0..WRONG_CODES_ALLOWED {
        let _ = g.join("10.9.9.9", "WRONG1", now);
    }
    for i in 0..(MAX_REMEMBERED_ADDRESSES + 10) {
        let _ = g.join(&format!("addr-{i}"), "WRONG1", now);
    }
    assert!(g.wrong.len() <= MAX_REMEMBERED_ADDRESSES + 1);
    let code = g.code().to_string();
    assert_eq!(g.join("10.9.9.9", &code, now), Err(Refused::LockedOut));
}
