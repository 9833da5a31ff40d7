//! Words for people: the engine's reasons, the pack's texts and the report's
//! own sentences, one module per language behind one interface. English is
//! the first; a language is another module (and, for the pack's own texts,
//! other files), never a change to the engine.

pub(crate) mod en;

pub(crate) use en::Words;
