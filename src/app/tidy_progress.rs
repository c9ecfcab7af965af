//! Tidy on a large diagram, while it runs: the window stays live, a small box says what is
//! happening after the first moment, and Esc or Stop cancels it (the diagram is unchanged).

use crate::session::Editor;
use crate::session::{TidyJob, TidyPoll};
use std::time::Duration;

/// How long Tidy may run before the window shows that it is working: a small diagram is laid
/// out within this, with nothing shown.
const QUIET_FOR: Duration = Duration::from_millis(150);

/// The Tidy being laid out, if any.
#[derive(Default)]
pub struct TidyProgress {
    job: Option<TidyJob>,
}

impl TidyProgress {
    /// Starts Tidy, waiting up to a moment for it to finish here; true when it was applied
    /// already. Otherwise it goes on in the background and [`TidyProgress::ui`] reports it.
    pub fn start(&mut self, editor: &mut Editor) -> bool {
        let job = editor.start_tidy();
        match editor.poll_tidy(&job, QUIET_FOR) {
            TidyPoll::Finished(applied) => applied,
            TidyPoll::Running => {
                self.job = Some(job);
                false
            }
        }
    }

    /// True while a Tidy is being laid out.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Checks the running Tidy and shows its progress box; true on the frame its layout is
    /// applied. Esc or Stop cancels it.
    pub fn ui(&mut self, ctx: &egui::Context, editor: &mut Editor) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        if let TidyPoll::Finished(applied) = editor.poll_tidy(job, Duration::ZERO) {
            self.job = None;
            return applied;
        }
        let mut stop = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        egui::Modal::new(egui::Id::unique("tidy-progress")).show(ctx, |ui| {
            ui.set_max_width(360.0);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "Laying out {} nodes in layers… ({:.0} s)",
                    job.nodes,
                    job.elapsed().as_secs_f32()
                ));
            });
            ui.label("Esc or Stop leaves the diagram as it is.");
            if ui.button("Stop").clicked() {
                stop = true;
            }
        });
        if stop {
            job.cancel();
            self.job = None;
            editor.status = "Tidy stopped: the diagram is as it was.".into();
        } else {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        false
    }
}
