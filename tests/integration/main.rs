//! postwacht's integration tests, in one binary: the labelled corpus, the wordlists' hygiene and
//! the command line.

mod cli;
mod corpus;
mod git;
mod markup;
mod robustness;
mod vocabulary;
mod wordlists;
