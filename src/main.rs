use std::process::ExitCode;

fn main() -> ExitCode {
    postwacht::cli::main()
}
