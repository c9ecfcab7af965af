//! Arranging the selection: drawing order (front/back), alignment and even spacing.

use super::Editor;
use crate::edit::Edit;
use crate::model::{Node, NodeId, Point};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Instant;

/// Alignment of several nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Left edges in line.
    Left,
    /// Centres in a vertical line.
    CentreHorizontally,
    /// Right edges in line.
    Right,
    /// Top edges in line.
    Top,
    /// Centres in a horizontal line.
    CentreVertically,
    /// Bottom edges in line.
    Bottom,
}

/// A Tidy running on its own thread, so a large diagram never freezes the window: the
/// result comes back through a channel and is applied only if the diagram has not changed in
/// the meantime. Dropping the job (or [`TidyJob::cancel`]) stops the layout between passes.
pub struct TidyJob {
    cancel: Arc<AtomicBool>,
    result: mpsc::Receiver<Option<Edit>>,
    started: Instant,
    revision: crate::model::Stamp,
    /// How many nodes it lays out (for the progress message).
    pub nodes: usize,
}

impl TidyJob {
    /// Asks the layout to stop; its result, if any, is thrown away.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// How long it has been running.
    pub fn elapsed(&self) -> std::time::Duration {
        self.started.elapsed()
    }
}

impl Drop for TidyJob {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Where a running Tidy stands.
#[derive(Debug, PartialEq, Eq)]
pub enum TidyPoll {
    /// Still laying out.
    Running,
    /// Finished (true when the layout was applied).
    Finished(bool),
}

impl Editor {
    /// The nodes Tidy lays out: the selection when it has two or more, else every node.
    fn tidy_ids(&self) -> std::collections::BTreeSet<NodeId> {
        if self.selection.nodes.len() >= 2 {
            self.selection.nodes.clone()
        } else {
            Default::default()
        }
    }

    /// Tidies the selection (two or more nodes) or the whole diagram: one undo step. Runs on
    /// this thread until done; the editor window uses [`Editor::start_tidy`].
    pub fn tidy(&mut self) -> bool {
        let edit = crate::edit::tidy_edit(
            self.doc(),
            &self.tidy_ids(),
            &crate::edit::LayeredLayout::default(),
        );
        self.apply_tidy(edit)
    }

    /// Starts Tidy on its own thread with a copy of the diagram; poll it with
    /// [`Editor::poll_tidy`] each frame.
    pub fn start_tidy(&mut self) -> TidyJob {
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, result) = mpsc::channel();
        let doc = self.doc().clone();
        let ids = self.tidy_ids();
        let nodes = if ids.is_empty() {
            doc.node_count()
        } else {
            ids.len()
        };
        let engine = crate::edit::LayeredLayout {
            cancel: Some(Arc::clone(&cancel)),
        };
        let flag = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new()
            .name("tidy".into())
            .spawn(move || {
                let edit = crate::edit::tidy_edit(&doc, &ids, &engine);
                if !flag.load(Ordering::Relaxed) {
                    // The receiver may be gone (the job was dropped): nothing to do then.
                    let _ = send.send(edit);
                }
            });
        if spawned.is_err() {
            self.status = "Could not start Tidy: the system refused a new thread.".into();
        }
        TidyJob {
            cancel,
            result,
            started: Instant::now(),
            revision: self.revision(),
            nodes,
        }
    }

    /// Waits up to `wait` for the Tidy to finish, then applies it if the diagram is as it
    /// was when the job started.
    pub fn poll_tidy(&mut self, job: &TidyJob, wait: std::time::Duration) -> TidyPoll {
        match job.result.recv_timeout(wait) {
            Err(mpsc::RecvTimeoutError::Timeout) => TidyPoll::Running,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                if !job.cancel.load(Ordering::Relaxed) {
                    self.status = "Tidy stopped without a layout; the diagram is unchanged.".into();
                }
                TidyPoll::Finished(false)
            }
            Ok(_) if self.revision() != job.revision => {
                self.status =
                    "Tidy was not applied: the diagram changed while it was laid out.".into();
                TidyPoll::Finished(false)
            }
            Ok(edit) => TidyPoll::Finished(self.apply_tidy(edit)),
        }
    }

    fn apply_tidy(&mut self, edit: Option<Edit>) -> bool {
        match edit {
            Some(edit) => {
                let done = self.apply(edit, "Tidy layout");
                if done {
                    self.status =
                        "Tidied: layers left to right along the arrows (Undo takes it back)."
                            .into();
                }
                done
            }
            None => {
                self.status = "Nothing to tidy: select two or more nodes, or tidy the whole diagram with nothing selected.".into();
                false
            }
        }
    }

    /// Fits each selected CMOC card's height to its text (every card when none is selected),
    /// so figures have no tall empty bottoms and no cut text: one undo step. The text is
    /// measured as the canvas and the figures draw it. False when nothing needed to change.
    pub fn fit_cards_to_text(&mut self) -> bool {
        use crate::model::{NodeKind, Size};
        let cards: Vec<NodeId> = self
            .doc()
            .nodes()
            .filter(|n| n.kind() == NodeKind::Cmoc)
            .map(|n| n.id)
            .collect();
        let selected: Vec<NodeId> = cards
            .iter()
            .copied()
            .filter(|id| self.selection.nodes.contains(id))
            .collect();
        let chosen = if selected.is_empty() { cards } else { selected };
        let mut scene = crate::scene::Scene::build(self.doc(), &crate::scene::Palette::LIGHT);
        let mut edits = Vec::new();
        for id in chosen {
            let (Some(index), Some(node)) = (scene.position_of(id), self.doc().node(id)) else {
                continue;
            };
            let Some(drawing) = scene.drawing_now(index, crate::scene::Lod::Full) else {
                continue;
            };
            let needed = drawing.hotspots.content_bottom.ceil();
            if needed.is_finite() && needed > 0.0 && (needed - node.size.height).abs() >= 1.0 {
                edits.push(Edit::ResizeNode {
                    id,
                    position: node.position,
                    size: Size::new(node.size.width, needed),
                });
            }
        }
        if edits.is_empty() {
            self.status = "The cards already fit their text.".into();
            return false;
        }
        let count = edits.len();
        let done = self.apply(Edit::Batch(edits), "Fit cards to text");
        if done {
            self.status = format!(
                "Fitted {} to {} text.",
                crate::model::counted(count, "card", "cards"),
                if count == 1 { "its" } else { "their" }
            );
        }
        done
    }

    /// Copies of the selected nodes, in drawing order.
    pub fn selected_node_copies(&self) -> Vec<Node> {
        self.doc()
            .nodes()
            .filter(|n| self.selection.nodes.contains(&n.id))
            .cloned()
            .collect()
    }

    /// Pins the selected nodes (Tidy leaves them where they are), or unpins them when all
    /// are pinned already: one undo step.
    pub fn toggle_pin_selection(&mut self) {
        let nodes = self.selected_node_copies();
        if nodes.is_empty() {
            self.status =
                "Select the nodes to pin: Tidy then lays the rest out around them.".into();
            return;
        }
        let pin = !nodes.iter().all(|n| n.pinned);
        let edits = nodes
            .into_iter()
            .map(|mut node| {
                node.pinned = pin;
                Edit::ReplaceNode { node }
            })
            .collect();
        let label = if pin { "Pin in place" } else { "Unpin" };
        if self.apply(Edit::Batch(edits), label) {
            self.status = if pin {
                "Pinned: Tidy leaves these nodes where they are (P again unpins).".into()
            } else {
                "Unpinned: Tidy may move these nodes again.".into()
            };
        }
    }

    /// Draws the diagram's arrows in `style` (saved with the diagram): one undo step.
    pub fn set_arrow_style(&mut self, style: crate::model::ArrowStyle) {
        if self.doc().metadata().arrows == style {
            return;
        }
        let mut metadata = self.doc().metadata().clone();
        metadata.arrows = style;
        if self.apply(
            Edit::SetMetadata {
                metadata: Box::new(metadata),
            },
            style.name(),
        ) {
            self.status = format!(
                "{}: the canvas and exported figures draw them so.",
                style.name()
            );
        }
    }

    /// Moves the selection to the front (`front`) or back of the drawing order.
    pub fn reorder_selection(&mut self, front: bool) {
        let count = self.doc().node_count();
        let mut ids: Vec<NodeId> = self
            .doc()
            .nodes()
            .map(|n| n.id)
            .filter(|id| self.selection.nodes.contains(id))
            .collect();
        if ids.is_empty() {
            return;
        }
        let edits: Vec<Edit> = if front {
            ids.iter()
                .map(|&id| Edit::Reorder { id, index: count })
                .collect()
        } else {
            ids.reverse();
            ids.iter()
                .map(|&id| Edit::Reorder { id, index: 0 })
                .collect()
        };
        let what = self.describe_nodes(&self.selection.nodes.clone());
        let label = if front {
            format!("Bring {what} to front")
        } else {
            format!("Send {what} to back")
        };
        self.apply(Edit::Batch(edits), label);
    }

    /// Lines up the selected nodes.
    pub fn align_selection(&mut self, align: Align) {
        let nodes: Vec<&Node> = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| self.doc().node(*id))
            .collect();
        if nodes.len() < 2 {
            self.status = "Select two or more nodes to align them.".into();
            return;
        }
        let rects: Vec<_> = nodes.iter().map(|n| n.rect()).collect();
        let min_x = rects.iter().map(|r| r.min.x).fold(f32::INFINITY, f32::min);
        let max_x = rects
            .iter()
            .map(|r| r.max.x)
            .fold(f32::NEG_INFINITY, f32::max);
        let min_y = rects.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min);
        let max_y = rects
            .iter()
            .map(|r| r.max.y)
            .fold(f32::NEG_INFINITY, f32::max);
        let moves = nodes
            .iter()
            .map(|n| {
                let (w, h) = (n.size.width, n.size.height);
                let p = n.position;
                let to = match align {
                    Align::Left => Point::new(min_x, p.y),
                    Align::Right => Point::new(max_x - w, p.y),
                    Align::CentreHorizontally => Point::new((min_x + max_x - w) / 2.0, p.y),
                    Align::Top => Point::new(p.x, min_y),
                    Align::Bottom => Point::new(p.x, max_y - h),
                    Align::CentreVertically => Point::new(p.x, (min_y + max_y - h) / 2.0),
                };
                (n.id, to.rounded())
            })
            .collect();
        let count = nodes.len();
        self.apply(Edit::MoveNodes { moves }, format!("Align {count} nodes"));
    }

    /// Spaces the selected nodes evenly, left to right (`horizontal`) or top to bottom.
    pub fn distribute_selection(&mut self, horizontal: bool) {
        let mut nodes: Vec<&Node> = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| self.doc().node(*id))
            .collect();
        if nodes.len() < 3 {
            self.status = "Select three or more nodes to distribute them.".into();
            return;
        }
        let key = |n: &&Node| {
            if horizontal {
                n.position.x
            } else {
                n.position.y
            }
        };
        nodes.sort_by(|a, b| key(a).total_cmp(&key(b)));
        let extent = |n: &Node| {
            if horizontal {
                n.size.width
            } else {
                n.size.height
            }
        };
        let first = key(&nodes[0]);
        let last = nodes.last().map(|n| key(n) + extent(n)).unwrap_or(first);
        let total: f32 = nodes.iter().map(|n| extent(n)).sum();
        let gap = (last - first - total) / (nodes.len() - 1) as f32;
        let mut at = first;
        let moves = nodes
            .iter()
            .map(|n| {
                let to = if horizontal {
                    Point::new(at, n.position.y)
                } else {
                    Point::new(n.position.x, at)
                };
                at += extent(n) + gap;
                (n.id, to.rounded())
            })
            .collect();
        let count = nodes.len();
        self.apply(
            Edit::MoveNodes { moves },
            format!("Distribute {count} nodes"),
        );
    }
}
