//! postwacht's integration tests, in one binary: the labelled corpus, the wordlists' hygiene and
//! the command line.

mod browser;
mod cli;
mod config;
mod corpus;
mod exports;
mod fix;
mod generator;
mod git;
mod growth;
mod holdout;
mod hostile;
mod html5;
mod markup;
mod output;
mod parallel;
mod privacy;
mod review;
mod robustness;
mod rosters;
mod vocabulary;
mod wordlists;
