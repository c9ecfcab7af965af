//! A card said in plain words, for the room: on the projector and on the phones.

use crate::model::CmocCard;

/// "If C, then O, because M." from a card, keeping the researcher's own "If", "When", "then"
/// and "because" where the texts already start with them.
pub fn plain_sentence(card: &CmocCard) -> String {
    let parts: Vec<String> =
        super::sentence_parts(&card.context, &card.mechanism, &card.outcome, "If")
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
    if parts.is_empty() {
        return "This card has no words yet.".into();
    }
    let sentence = parts.join(", ");
    match card.polarity {
        crate::model::Polarity::Positive => format!("{sentence}."),
        // A -ve card's words are the configuration that is not activated: say that it does
        // not happen, or the room reads the good outcome under "when this does not work".
        crate::model::Polarity::Negative => not_happening(&sentence),
    }
}

/// "This does not happen here: …." around words said as if they happen.
pub fn not_happening(words: &str) -> String {
    let words = words.trim().trim_end_matches('.');
    let mut chars = words.chars();
    let lowered = chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().collect::<String>() + chars.as_str()
    });
    format!("This does not happen here: {lowered}.")
}
