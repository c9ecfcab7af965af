//! Rebuilds `assets/examples/holding.ron`: the programme theory of Figure 2 of Westlake et al.
//! (2024) on "holding" by social prescribing link workers, from Table 4, Table 5 and section
//! 3.8 of the paper (CC BY).
//!
//! Run: `cargo run --example build_holding_example -- assets/examples/holding.ron assets/examples/table4.csv`
//! (the second file, Table 4 as CSV, is optional).
//!
//! It shows a larger script than `minimal_diagram`: columns of nodes sized to their text,
//! regions wrapped around their contents, IF-branches and evidence quotes.

use cmoc_canvas::edit::DiagramBuilder;
use cmoc_canvas::model::{
    Branch, CmocCard, Evidence, NodeContent, NodeId, Point, Polarity, Size, TextBlock,
};
use cmoc_canvas::scene::text_fit::estimated_height;
use std::collections::BTreeMap;
use std::process::ExitCode;

include!("shared/table4.rs");

const CARD_WIDTH: f32 = 300.0;
const COLUMN_GAP: f32 = 80.0;
const ROW_GAP: f32 = 30.0;
const REGION_PADDING: f32 = 30.0;
const REGION_TITLE: f32 = 56.0;

/// A node waiting to be placed: its content and width; its height comes from its text.
struct Pending {
    content: NodeContent,
    width: f32,
}

impl Pending {
    fn height(&self) -> f32 {
        estimated_height(&self.content, self.width)
    }
}

fn card(number: u32, polarity: Polarity, title: Option<&str>) -> Pending {
    let (_, short, c, m, o) = TABLE4
        .iter()
        .copied()
        .find(|row| row.0 == number)
        .unwrap_or((number, "", "", "", ""));
    let mut card = CmocCard::new(number, c, m, o);
    card.polarity = polarity;
    card.title = title.unwrap_or(short).to_string();
    if polarity == Polarity::Positive {
        card.evidence = EVIDENCE
            .iter()
            .filter(|(n, _, _)| *n == number)
            .map(|(_, source, quote)| Evidence {
                source: source.to_string(),
                quote: quote.to_string(),
            })
            .collect();
    }
    Pending {
        content: NodeContent::Cmoc(card),
        width: CARD_WIDTH,
    }
}

fn block(make: fn(TextBlock) -> NodeContent, title: &str, text: &str, width: f32) -> Pending {
    Pending {
        content: make(TextBlock::new(title, text)),
        width,
    }
}

/// Places columns of nodes left to right from `origin`, each column centred vertically on the
/// tallest one. Returns the ids per column and the bounding size.
fn place_columns(
    b: &mut DiagramBuilder,
    origin: Point,
    columns: Vec<Vec<Pending>>,
) -> (Vec<Vec<NodeId>>, Size) {
    let heights: Vec<f32> = columns
        .iter()
        .map(|col| {
            col.iter().map(Pending::height).sum::<f32>()
                + ROW_GAP * col.len().saturating_sub(1) as f32
        })
        .collect();
    let tallest = heights.iter().copied().fold(0.0, f32::max);
    let mut x = origin.x;
    let mut ids = Vec::new();
    for (col, height) in columns.into_iter().zip(heights) {
        let width = col.iter().map(|p| p.width).fold(0.0, f32::max);
        let mut y = origin.y + ((tallest - height) / 2.0).round();
        let mut col_ids = Vec::new();
        for pending in col {
            let h = pending.height();
            let left = x + ((width - pending.width) / 2.0).round();
            col_ids.push(b.node(
                pending.content,
                Point::new(left, y),
                Some(Size::new(pending.width, h)),
            ));
            y += h + ROW_GAP;
        }
        ids.push(col_ids);
        x += width + COLUMN_GAP;
    }
    (ids, Size::new(x - COLUMN_GAP - origin.x, tallest))
}

/// Adds a region around an area of `inner` size at `origin` (its contents start inside).
fn region(b: &mut DiagramBuilder, title: &str, text: &str, origin: Point, inner: Size) -> NodeId {
    let size = Size::new(
        inner.width + 2.0 * REGION_PADDING,
        inner.height + REGION_TITLE + REGION_PADDING,
    );
    b.node(
        NodeContent::Region(TextBlock::new(title, text)),
        Point::new(origin.x - REGION_PADDING, origin.y - REGION_TITLE),
        Some(size),
    )
}

/// The cards on the figure's two pathways in words a patient group would use (shown large
/// when presenting): written for this example, from the paper's CMOCs.
const PLAIN: &[(u32, Polarity, &str)] = &[
    (
        22,
        Polarity::Positive,
        "When managers say clearly that \"holding\" patients is a proper part of the job, link workers feel free to stay with a patient for as long as they need.",
    ),
    (
        23,
        Polarity::Positive,
        "When there is time and training for this work, link workers feel supported, carry less worry home, and are more likely to stay in the job.",
    ),
    (
        24,
        Polarity::Positive,
        "When GPs see the good in link workers staying alongside patients whom medicine cannot \"fix\", they back them to do it.",
    ),
    (
        12,
        Polarity::Positive,
        "When the person holding a patient has the right skills, both the patient and the worker are kept safe and well.",
    ),
    (
        13,
        Polarity::Positive,
        "When link workers get help and supervision from the wider practice team in good time, they do not carry the risks and the worry alone.",
    ),
    (
        1,
        Polarity::Positive,
        "When patients can talk through their troubles with a link worker they trust, a weight is lifted and their feelings become easier to manage.",
    ),
    (
        5,
        Polarity::Positive,
        "When patients who are not ready to take the next step are held rather than pushed, they gain confidence and can move forward later.",
    ),
    (
        10,
        Polarity::Negative,
        "When link workers have to push patients to change before they are ready, patients feel pressured and may stop coming.",
    ),
    (
        22,
        Polarity::Negative,
        "When \"holding\" is not seen as part of the job, link workers do not feel free to stay with patients who need them.",
    ),
    (
        11,
        Polarity::Negative,
        "When there is nowhere to send a patient on to, and holding them is not allowed, patients may be sent back to their GP with nothing changed.",
    ),
    (
        18,
        Polarity::Positive,
        "When link workers do not have enough time, they may not understand a patient's needs and risks, because they cannot get to the bottom of the problems.",
    ),
    (
        20,
        Polarity::Positive,
        "When a link worker holds a patient and sees no progress, they can feel low or frustrated, as if they are failing at the job.",
    ),
    (
        21,
        Polarity::Positive,
        "When link workers hold patients without support, the emotional load can wear them out.",
    ),
];

fn with_plain_words(mut doc: cmoc_canvas::model::Document) -> cmoc_canvas::model::Document {
    for (number, polarity, words) in PLAIN {
        let Some(mut node) = doc.find_cmoc(*number, *polarity).cloned() else {
            continue;
        };
        node.plain = (*words).to_string();
        let _ = cmoc_canvas::edit::Edit::ReplaceNode { node }.apply(&mut doc);
    }
    doc
}

/// The paper's authors, citation and date, and what the example is.
fn paper_metadata(m: &mut cmoc_canvas::model::Metadata) {
    m.authors = [
        "Debra Westlake",
        "Geoffrey Wong",
        "Steven Markham",
        "Amadea Turk",
        "Jordan Gorenberg",
        "Catherine Pope",
        "Joanne Reeve",
        "Caroline Mitchell",
        "Kerryn Husk",
        "Sabi Redwood",
        "Anthony Meacock",
        "Kamal R. Mahtani",
        "Stephanie Tierney",
    ]
    .map(String::from)
    .to_vec();
    m.description = "Figure 2 of the paper rebuilt as an editable diagram: if holding is recognised as a legitimate part of the link worker role and supported, positive outcomes follow; if not, negative CMOCs (\u{201c}-ve CMOC n\u{201d}: the numbered CMOC not activated) describe what goes wrong. CMOCs of Table 4 that the figure does not place are kept in their own region.".into();
    m.citation = "Westlake D, Wong G, Markham S, et al. (2024) \u{201c}She\u{2019}s been a rock\u{201d}: the function and importance of \u{201c}holding\u{201d} by social prescribing link workers in primary care in England \u{2014} findings from a realist evaluation. Health & Social Care in the Community, 2024, 2479543. https://doi.org/10.1155/2024/2479543 (CC BY 4.0)".into();
    m.created = cmoc_canvas::model::Timestamp::from_utc(2024, 5, 2, 0, 0, 0);
    m.modified = m.created;
}

/// The arrows within the two pathways, between the cards and outcomes as Figure 2 draws them.
fn pathway_arrows(b: &mut DiagramBuilder, pos_ids: &[Vec<NodeId>], neg_ids: &[Vec<NodeId>]) {
    let by_title = |cols: &[Vec<NodeId>], c: usize, r: usize| cols[c][r];
    let p = |c, r| by_title(pos_ids, c, r);
    let (c22, c23, c24, c12, c13, c1, c5) = (
        p(0, 0),
        p(0, 1),
        p(1, 0),
        p(1, 1),
        p(2, 0),
        p(3, 0),
        p(3, 1),
    );
    let (o_patient, o_appointments, o_relationship, o_satisfaction, o_burnout) =
        (p(4, 0), p(4, 1), p(4, 2), p(4, 3), p(4, 4));
    b.connect(c22, c24);
    b.connect(c23, c12);
    b.connect(c24, c13);
    b.connect(c12, c13);
    b.connect(c13, c1);
    b.connect(c13, c5);
    b.connect(c1, o_patient);
    b.connect(c1, o_relationship);
    b.connect(c5, o_appointments);
    b.connect(c13, o_burnout);
    b.edge(c22, o_satisfaction, |e| {
        e.label = "enhanced job satisfaction".into()
    });

    let n = |c, r| by_title(neg_ids, c, r);
    let (n10, n22, c18, c20, c21, n11) = (n(0, 0), n(0, 1), n(1, 0), n(1, 1), n(2, 0), n(2, 1));
    let (o_negative, o_longer, o_frustration, o_burnout_neg) = (n(3, 0), n(3, 1), n(3, 2), n(3, 3));
    b.connect(n10, o_negative);
    b.connect(n10, n11);
    b.connect(n22, c18);
    b.connect(n22, c20);
    b.connect(c18, c21);
    b.connect(c20, o_frustration);
    b.connect(c21, o_burnout_neg);
    b.connect(n11, o_longer);
}

/// The CMOCs of Table 4 that the figure does not place, in a grid inside their own region.
fn other_cards(b: &mut DiagramBuilder, other_numbers: &[u32], others_origin: Point) {
    let per_row = 7;
    let rows: Vec<Vec<Pending>> = other_numbers
        .chunks(per_row)
        .map(|chunk| {
            chunk
                .iter()
                .map(|&n| card(n, Polarity::Positive, None))
                .collect()
        })
        .collect();
    let row_heights: Vec<f32> = rows
        .iter()
        .map(|r| r.iter().map(Pending::height).fold(0.0, f32::max))
        .collect();
    let others_size = Size::new(
        per_row as f32 * (CARD_WIDTH + COLUMN_GAP) - COLUMN_GAP,
        row_heights.iter().sum::<f32>() + ROW_GAP * (rows.len() - 1) as f32,
    );
    region(
        b,
        "Other CMOCs from Table 4",
        "CMOCs of the paper\u{2019}s Table 4 that Figure 2 does not place.",
        others_origin,
        others_size,
    );
    let mut y = others_origin.y;
    for (row, height) in rows.into_iter().zip(row_heights) {
        for (i, pending) in row.into_iter().enumerate() {
            let h = pending.height();
            b.node(
                pending.content,
                Point::new(others_origin.x + i as f32 * (CARD_WIDTH + COLUMN_GAP), y),
                Some(Size::new(CARD_WIDTH, h)),
            );
        }
        y += height + ROW_GAP;
    }
}

/// The positive pathway's columns, left to right: what follows when holding is recognised and
/// supported.
fn positive_pathway() -> Vec<Vec<Pending>> {
    vec![
        vec![
            card(
                22,
                Polarity::Positive,
                Some("Holding recognised as a legitimate, valued part of the role"),
            ),
            card(23, Polarity::Positive, None),
        ],
        vec![
            card(24, Polarity::Positive, None),
            card(12, Polarity::Positive, None),
        ],
        vec![card(
            13,
            Polarity::Positive,
            Some("Safeguards practitioners from emotional labour and excessive risk management"),
        )],
        vec![
            card(
                1,
                Polarity::Positive,
                Some("Better patient care: patients feel unburdened"),
            ),
            card(
                5,
                Polarity::Positive,
                Some("Better patient care: space to move forward later"),
            ),
        ],
        vec![
            block(
                NodeContent::Outcome,
                "Positive patient outcomes",
                "Increased emotional support and a more patient-centred approach: improved wellbeing and self-management.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Reduced healthcare appointments",
                "Patients rely less on primary care professionals for emotional support.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Enhanced patient\u{2013}link worker relationships",
                "Trust and better communication.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Improved link worker job satisfaction",
                "A more well-rounded role, less frustration.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Lower burnout rates",
                "Reduced burnout and frustration for link workers.",
                260.0,
            ),
        ],
    ]
}

/// The negative pathway's columns: the -ve CMOCs, what goes wrong when holding is not
/// recognised or supported.
fn negative_pathway() -> Vec<Vec<Pending>> {
    vec![
        vec![
            card(
                10,
                Polarity::Negative,
                Some(
                    "Patients feel rushed, unprepared for change and pressured to achieve connecting goals",
                ),
            ),
            card(
                22,
                Polarity::Negative,
                Some(
                    "Link workers feel compelled to close sessions as they are not \u{201c}achieving\u{201d} anything",
                ),
            ),
        ],
        vec![
            card(18, Polarity::Positive, Some("Capacity issues")),
            card(20, Polarity::Positive, Some("Frustration")),
        ],
        vec![
            card(
                21,
                Polarity::Positive,
                Some("Burnout and reduced job satisfaction"),
            ),
            card(
                11,
                Polarity::Negative,
                Some("Patients return to primary care professionals for emotional support"),
            ),
        ],
        vec![
            block(
                NodeContent::Outcome,
                "Negative patient outcomes",
                "Patients feel emotionally overwhelmed and pressured to achieve goals they may not feel ready for.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Longer healthcare appointments",
                "Patients return to the referrer for holding support, which is time consuming for practitioners.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Lack of job satisfaction and frustration for link workers",
                "No permission to invest time without pressure to meet unachievable connecting goals.",
                260.0,
            ),
            block(
                NodeContent::Outcome,
                "Link worker burnout",
                "Insufficient capacity and support can lead to emotional burden and leaving the role.",
                260.0,
            ),
        ],
    ]
}

fn build() -> cmoc_canvas::model::Document {
    let mut b = DiagramBuilder::new(
        "Programme theory of the value of recognising and supporting link worker holding",
    );
    b.metadata(paper_metadata);

    // Regions go in first so they are drawn behind their nodes; their sizes are set after the
    // contents are placed, so reserve them now and fill them in below.
    let top = 0.0;
    let left = 0.0;

    // Left: substantive theories feeding the starting point, then the IF-condition.
    let theories = vec![
        block(
            NodeContent::Theory,
            "Psychological containment and holding",
            "A practitioner\u{2019}s active, reliable support helps people handle difficult feelings, avoid overwhelm and gain perspective (Böhmer & Krüger; Glasgow; Ogden).",
            260.0,
        ),
        block(
            NodeContent::Theory,
            "Attachment theory",
            "Close, consistent contact offers a \u{201c}secure base\u{201d} (Bowlby): link workers as a \u{201c}rock\u{201d} to anchor to.",
            260.0,
        ),
        block(
            NodeContent::Theory,
            "Emotional labour",
            "Managing one\u{2019}s own emotions to meet display rules can harm practitioners\u{2019} well-being; supervision helps (Hochschild).",
            260.0,
        ),
    ];
    let start = vec![block(
        NodeContent::Context,
        "Holding by link workers",
        "Link workers \u{201c}hold\u{201d} patients with complex needs who lack informal support or are waiting for services: holding while waiting; holding for change; holding to reduce healthcare professionals\u{2019} emotional labour; holding as bearing witness.",
        280.0,
    )];
    let condition = vec![block(
        NodeContent::Condition,
        "IF",
        "holding is recognised as a legitimate, valuable activity for link workers in primary care (CMOC 22) AND resources (clinical supervision, peer support, adequate line management) and risk-sharing among professional teams are provided",
        280.0,
    )];

    let positive_columns = positive_pathway();
    let negative_columns = negative_pathway();

    // Measure the two pathways first to centre the left-hand columns between them.
    let measure = |cols: &Vec<Vec<Pending>>| -> Size {
        let heights = cols.iter().map(|c| {
            c.iter().map(Pending::height).sum::<f32>() + ROW_GAP * c.len().saturating_sub(1) as f32
        });
        let width = cols
            .iter()
            .map(|c| c.iter().map(|p| p.width).fold(0.0, f32::max))
            .sum::<f32>()
            + COLUMN_GAP * cols.len().saturating_sub(1) as f32;
        Size::new(width, heights.fold(0.0, f32::max))
    };
    let pos_size = measure(&positive_columns);
    let neg_size = measure(&negative_columns);
    let pathways_x = left + 260.0 + 280.0 + 280.0 + 3.0 * COLUMN_GAP + 2.0 * REGION_PADDING;
    let pos_origin = Point::new(pathways_x, top + REGION_TITLE);
    let neg_origin = Point::new(
        pathways_x,
        pos_origin.y + pos_size.height + REGION_PADDING + 70.0 + REGION_TITLE,
    );
    let pathways_height = neg_origin.y + neg_size.height - top;

    // Regions first (drawn at the back).
    let other_numbers = [2, 3, 4, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 19];
    let positive_region = region(
        &mut b,
        "Positive pathway: holding recognised and supported",
        "CMOCs 12, 23 and 24: positive outcomes can occur; CMOC 13 safeguards practitioners; CMOC 22 enhances job satisfaction; CMOCs 1 and 5 lead to better patient care.",
        pos_origin,
        pos_size,
    );
    let negative_region = region(
        &mut b,
        "Negative pathway: holding not recognised or not supported",
        "Holding work is deemed inappropriate for link workers and lacks proper support and supervision.",
        neg_origin,
        neg_size,
    );

    // The left-hand flow, centred on the gap between the two pathways.
    let left_columns = vec![theories, start, condition];
    let left_size = measure(&left_columns);
    let left_origin = Point::new(
        left,
        top + ((pathways_height - left_size.height) / 2.0).round(),
    );
    let (left_ids, _) = place_columns(&mut b, left_origin, left_columns);
    let (pos_ids, _) = place_columns(&mut b, pos_origin, positive_columns);
    let (neg_ids, _) = place_columns(&mut b, neg_origin, negative_columns);

    // Other CMOCs of Table 4, in a tidy grid below everything.
    let others_origin = Point::new(left + REGION_PADDING, top + pathways_height + 140.0);
    other_cards(&mut b, &other_numbers, others_origin);

    // A caption note, as in the figure.
    b.node(
        NodeContent::Note(TextBlock::new(
            "Reading this diagram",
            "\u{201c}-ve CMOC n\u{201d} indicates that the numbered CMOC has not been activated (Figure 2 caption). Dashed cards are negative CMOCs.",
        )),
        Point::new(left, top),
        Some(Size::new(260.0, 110.0)),
    );

    // Arrows.
    let (theory_ids, start_id, condition_id) = (&left_ids[0], left_ids[1][0], left_ids[2][0]);
    for &theory in theory_ids {
        b.edge(theory, start_id, |e| e.label = "informs".into());
    }
    b.connect(start_id, condition_id);
    b.branch(
        condition_id,
        positive_region,
        Branch::Yes,
        "recognised and supported",
    );
    b.branch(
        condition_id,
        negative_region,
        Branch::No,
        "not recognised or not supported",
    );

    pathway_arrows(&mut b, &pos_ids, &neg_ids);
    let mut doc = with_path(with_plain_words(b.finish()));
    with_scenarios(&mut doc, condition_id);
    doc
}

/// The example's two scenarios: the IF-condition met, and not met.
fn with_scenarios(doc: &mut cmoc_canvas::model::Document, condition: NodeId) {
    use cmoc_canvas::model::{ConditionState, Scenario};
    let scenario = |name: &str, description: &str, state| Scenario {
        name: name.into(),
        description: description.into(),
        conditions: [(condition, state)].into_iter().collect(),
        overrides: Default::default(),
    };
    let scenarios = vec![
        scenario(
            "Holding recognised and supported",
            "Managers recognise holding as part of the link worker role, and supervision, peer support and shared risk are in place.",
            ConditionState::Met,
        ),
        scenario(
            "Not recognised or not supported",
            "Holding is not recognised as part of the role, or the support for it is missing: the negative CMOCs tell what happens.",
            ConditionState::NotMet,
        ),
    ];
    let _ = cmoc_canvas::edit::Edit::SetScenarios { scenarios }.apply(doc);
}

/// The example's presentation path, as a facilitator would prepare it for a PPI group: "How
/// to read this", the IF-condition, the cards of the two pathways in reading order (those with
/// plain words), each with a speaker note where one helps, then the CMOCs the figure does not
/// place, together in one step that is skipped unless there is time.
fn with_path(mut doc: cmoc_canvas::model::Document) -> cmoc_canvas::model::Document {
    use cmoc_canvas::model::{NodeKind, PathStep, StepShows};
    let order = cmoc_canvas::scene::presentation_order_of(&doc);
    let notes: BTreeMap<(u32, Polarity), &str> = [
        ((22, Polarity::Positive), "Start of the good path. Ask: does anyone here see a link worker? Did it feel like this?"),
        ((13, Polarity::Positive), "The heart of holding. Give the room time: 1, 2 or 3 from each table."),
        ((10, Polarity::Negative), "The failure branch begins. Press T on a card from the good path to ask \u{201c}what if this did not happen?\u{201d}"),
        ((11, Polarity::Negative), "Last card of the failure branch. Ask which branch sounds more like their experience."),
    ]
    .into_iter()
    .collect();
    let mut path = vec![PathStep {
        notes: "Name the groups first (Table 1, Table 2, Carers). Explain 1 = agrees, 2 = not sure, 3 = disagrees.".into(),
        ..PathStep::how_to_read()
    }];
    let mut rest = Vec::new();
    for id in order {
        let Some(node) = doc.node(id) else { continue };
        let on_a_pathway = node.kind() == NodeKind::Condition || !node.plain.is_empty();
        if !on_a_pathway {
            rest.push(id);
            continue;
        }
        let mut step = PathStep::node(id);
        if let Some(card) = node.content.cmoc()
            && let Some(note) = notes.get(&(card.number, card.polarity))
        {
            step.notes = (*note).to_string();
        }
        if node.kind() == NodeKind::Condition {
            step.notes = "The fork in the road: is holding recognised and supported? Yes goes up, no goes down.".into();
        }
        path.push(step);
    }
    if !rest.is_empty() {
        path.push(PathStep {
            shows: StepShows::Nodes(rest),
            title: "The other CMOCs of Table 4".into(),
            notes: "Only if there is time: the CMOCs the figure does not place.".into(),
            skip: true,
        });
    }
    let _ = cmoc_canvas::edit::Edit::SetPath { path: Some(path) }.apply(&mut doc);
    doc
}

/// Table 4 alone: the 24 CMOCs with their evidence sources, as a CSV in the layout the CMOC
/// table exporter writes (and the importer reads).
fn table4_csv() -> String {
    let mut b = DiagramBuilder::new("Table 4");
    for (i, &(number, ..)) in TABLE4.iter().enumerate() {
        let pending = card(number, Polarity::Positive, None);
        b.node(pending.content, Point::new(i as f32 * 400.0, 0.0), None);
    }
    cmoc_canvas::interchange::write_table(&b.finish(), cmoc_canvas::interchange::TableFormat::Csv)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: build_holding_example OUT.ron [TABLE4.csv]");
        return ExitCode::from(2);
    };
    if let Some(csv_path) = std::env::args().nth(2) {
        if let Err(e) = cmoc_canvas::file::write_atomic(
            std::path::Path::new(&csv_path),
            table4_csv().as_bytes(),
        ) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {csv_path}");
    }
    let doc = build();
    let counts: BTreeMap<&str, usize> =
        doc.cmoc_cards()
            .map(|(_, c)| c.polarity.word())
            .fold(BTreeMap::new(), |mut m, w| {
                *m.entry(w).or_default() += 1;
                m
            });
    match cmoc_canvas::file::save_file(&doc, std::path::Path::new(&path)) {
        Ok(()) => {
            println!(
                "wrote {path}: {} nodes, {} arrows, CMOC cards {counts:?}",
                doc.node_count(),
                doc.edge_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
