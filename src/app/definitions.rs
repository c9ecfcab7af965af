//! Plain-language definitions of the realist terms, from Figure 1 of Westlake et al. (2024)
//! (after Pawson 2013, Pawson & Tilley 1997, De Weger et al. 2020), shown when hovering
//! "C", "M", "O", "CMOC" or "-ve".

/// Context (C).
pub const CONTEXT: &str = "Context (C): describes the background of a programme and influences whether mechanisms are triggered or not. It can include structural factors such as social, economic, political and organisational aspects, but also individual factors such as cultural and social norms and relationships.";
/// Mechanism (M).
pub const MECHANISM: &str = "Mechanism (M): generative mechanisms describe how programme resources and context lead to changes in the reasoning and behaviours of the individual and lead to certain outcomes. They are generally unseen and include cognitive or affective responses (such as development of trust, increased awareness, or feeling safe).";
/// Outcome (O).
pub const OUTCOME: &str = "Outcome (O): mechanisms alter the behaviour of participants, leading to different outcomes within certain contexts. They can be intended or unintended and can occur at macro, meso and micro levels.";
/// CMOC.
pub const CMOC: &str = "Context–mechanism–outcome configuration (CMOC): a heuristic device used to explain how and why an outcome comes about — \"When/If C, then O, because M\". Sometimes called a proposition or micro-theory. Click the badge to toggle between positive and negative.";
/// Negative CMOC.
pub const NEGATIVE: &str = "-ve CMOC: the numbered CMOC has not been activated — the same configuration shown as its failure case (Westlake et al. 2024, Figure 2). Drawn with a dashed border and muted fill. Click the badge to make it positive again.";
/// Source line for the definitions.
pub const SOURCE: &str = "Definitions: Westlake et al. (2024), Figure 1.";

/// The definition for a card section tag ("C", "M", "M res", "M rsn", "O").
pub fn for_tag(tag: &str) -> &'static str {
    match tag.chars().next() {
        Some('C') => CONTEXT,
        Some('M') => MECHANISM,
        _ => OUTCOME,
    }
}

/// "How to read this picture", for a patient and public group: no jargon. Shown as the first
/// step when presenting, and in Help.
pub const HOW_TO_READ: &[&str] = &[
    "Each numbered box is one idea about how the service helps, for whom, and when.",
    "The top part of a box, the situation (C), says when or for whom it happens: \"If …\".",
    "The middle part, the change inside people (M), says what shifts in how people think or feel — the reason it works: \"because …\".",
    "The last part, the result (O), says what happens because of it: \"then …\".",
    "The box marked IF is a fork in the road: when what it says is true, follow the arrow marked yes; when it is not, follow the arrow marked no.",
    "A box marked \"-ve\", with a dashed border, shows the same idea when it does not work: the situation is there, but the helpful change does not happen, and neither does the good result.",
    "Arrows show what leads to what. Tell us where this matches your experience, and where it does not.",
];
