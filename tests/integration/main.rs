//! postwacht's integration tests, in one binary: the labelled corpus, the wordlists' hygiene and
//! the command line.

mod cli;
mod config;
mod corpus;
mod exports;
mod generator;
mod git;
mod holdout;
mod markup;
mod output;
mod parallel;
mod robustness;
mod rosters;
mod vocabulary;
mod wordlists;
