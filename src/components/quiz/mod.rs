//! The quiz screens: start, one question (with its answer widget and feedback), results.

pub mod answer_text;
pub mod choice_answers;
pub mod estimate_answer;
pub mod learn_more;
pub mod order_answer;
pub mod quiz_feedback;
pub mod quiz_progress;
pub mod quiz_question;
pub mod quiz_results;
pub mod quiz_start;
pub mod quiz_timer;
pub mod results_code_panel;
