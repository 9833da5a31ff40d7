//! The `eaeu-rights` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    eaeu_rights::cli::main()
}
