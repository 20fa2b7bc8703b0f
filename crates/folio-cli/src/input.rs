//! Reading inputs for the commands: files or standard input, with the
//! reader options built from the command line.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use folio_core::{InputFormat, Parsed, ReadOptions, SpeakerRole, Timestamps};

use crate::cli::ReadArgs;

/// A usage error: reported with exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn read_options(args: &ReadArgs) -> Result<ReadOptions> {
    let format = match &args.from {
        Some(name) => Some(InputFormat::parse(name).ok_or_else(|| {
            UsageError(format!(
                "unknown input format {name:?}; expected one of: {}",
                InputFormat::NAMES.join(", ")
            ))
        })?),
        None => None,
    };
    let mut roles: Vec<(String, SpeakerRole)> = args
        .interviewer
        .iter()
        .map(|label| (label.clone(), SpeakerRole::Interviewer))
        .collect();
    for spec in &args.role {
        let Some((label, role)) = spec.rsplit_once('=') else {
            bail!(UsageError(format!(
                "--role expects LABEL=ROLE, got {spec:?}"
            )));
        };
        let role = SpeakerRole::parse(role).ok_or_else(|| {
            UsageError(format!(
                "unknown role {role:?} in --role {spec:?}; expected interviewer, interviewee, moderator, interpreter, group or other"
            ))
        })?;
        roles.push((label.trim().to_string(), role));
    }
    let mut metadata = Vec::new();
    for spec in &args.metadata {
        let Some((key, value)) = spec.split_once('=') else {
            bail!(UsageError(format!("-M expects KEY=VALUE, got {spec:?}")));
        };
        // Checked here so a bad key is a usage error before any file is read.
        folio_core::apply_metadata(&mut folio_core::Meta::default(), key, value)
            .map_err(UsageError)?;
        metadata.push((key.to_string(), value.to_string()));
    }
    let mut speaker_names = Vec::new();
    for spec in &args.speaker {
        match spec.split_once('=') {
            Some((id, name)) if !id.trim().is_empty() && !name.trim().is_empty() => {
                speaker_names.push((id.trim().to_string(), name.trim().to_string()))
            }
            _ => bail!(UsageError(format!(
                "--speaker expects ID=NAME (for example \"SPEAKER_00=Dana Park\"), got {spec:?}"
            ))),
        }
    }
    let timestamps = match &args.timestamps {
        Some(name) => Timestamps::parse(name).ok_or_else(|| {
            UsageError(format!(
                "unknown --timestamps {name:?}; expected one of: {}",
                Timestamps::NAMES.join(", ")
            ))
        })?,
        None => Timestamps::default(),
    };
    Ok(ReadOptions {
        format,
        roles,
        metadata,
        straight_punctuation: args.no_smart_punctuation,
        speaker_names,
        timestamps,
        clean_verbatim: args.clean_verbatim,
    })
}

/// Reads and understands one input (`-` is standard input).
pub fn read_input(path: &Path, options: &ReadOptions) -> Result<Parsed> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        return Ok(folio_core::read_bytes(&bytes, "<stdin>", options)?);
    }
    Ok(folio_core::read_path(path, options)?)
}
