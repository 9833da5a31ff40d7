//! `serve`: the web form and the JSON API (`crate::server`), on the
//! address given, loopback by default. The pack is loaded once, before
//! the server takes its first request; Ctrl-C or SIGTERM stops it after
//! the requests under way are answered.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use clap::Args;

use super::{CliError, PackArgs, EXIT_OK};
use crate::rules;
use crate::server::{self, AppState};

/// `serve [--addr ADDR] [--rules DIR]`.
#[derive(Debug, Args)]
#[command(
    after_help = "The server prints `listening on http://ADDR` on stderr once it takes requests; with port 0 the system picks a free port, and that line says which.
Open http://127.0.0.1:8080 for the form; the API is under /api/v1/ and described at /api/openapi.json (docs/deploy.md).
Environment: EAEU_RIGHTS_TODAY (YYYY-MM-DD) fixes the date taken as today."
)]
pub(crate) struct ServeArgs {
    /// The address and port to listen on. Only this machine can reach the default; give `0.0.0.0:8080` to take requests from elsewhere (behind a proxy that adds TLS).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    #[command(flatten)]
    pack: PackArgs,
}

/// Runs the server until it is told to stop.
pub(crate) fn run(args: ServeArgs) -> Result<u8, CliError> {
    let files = match &args.pack.rules {
        Some(dir) => rules::read_dir(dir)?,
        None => rules::embedded_files(),
    };
    let pack = rules::compile(&files)?;
    let today = match std::env::var("EAEU_RIGHTS_TODAY") {
        Ok(_) => Some(super::today(super::lang_or_env(None))?),
        Err(_) => None,
    };
    let state = Arc::new(AppState { pack, files, today });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .build()
        .map_err(|e| CliError::Usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|e| {
                CliError::Usage(format!(
                    "--addr {}: {}",
                    args.addr,
                    crate::json::io_words(&e)
                ))
            })?;
        let bound = listener
            .local_addr()
            .map_err(|e| CliError::io("<socket>", e))?;
        let _ = writeln!(std::io::stderr(), "listening on http://{bound}");
        server::serve(listener, server::router(state), server::shutdown_signal())
            .await
            .map_err(|e| CliError::io("<socket>", e))?;
        let _ = writeln!(std::io::stderr(), "stopped");
        Ok(EXIT_OK)
    })
}
