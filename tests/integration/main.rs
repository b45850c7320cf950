//! postwacht's integration tests, in one binary: the labelled corpus, the wordlists' hygiene and
//! the command line.

mod cli;
mod corpus;
mod exports;
mod generator;
mod git;
mod markup;
mod output;
mod robustness;
mod vocabulary;
mod wordlists;
