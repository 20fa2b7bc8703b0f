//! Reading interviews: choose a reader, run it, and resolve the result into
//! a valid model once, so writers never see a half-understood document.

mod caption;
pub mod docx;
pub(crate) mod frontmatter;
mod html;
mod html_block;
mod markdown;
mod markup;
mod model_file;
mod sidecar;
mod text;
mod transcript;

use std::path::Path;

use crate::assemble::{self, RawBlock, RawKind, SpeakerHints};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::identifier::stable_identifier;
use crate::language::infer_language;
use crate::model::{
    Block, ClosingBlock, FrontBlock, Inline, Interview, Meta, SpeakerRole, blocks_plain_text,
    plain_text,
};
use crate::normalise::clean_line;
use crate::source;

/// The input forms Folio reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text copied from a web page or typed from a recording.
    Text,
    /// Markdown with optional YAML or TOML front matter.
    Markdown,
    /// The model itself as JSON.
    Json,
    /// The model itself as YAML.
    Yaml,
    /// A WebVTT caption file.
    WebVtt,
    /// A SubRip caption file.
    Srt,
    /// A transcription tool's text export (Otter, Rev, whisperX shapes).
    Transcript,
    /// A JSON transcript (whisperX, Podcasting 2.0).
    TranscriptJson,
    /// A saved web page.
    Html,
    /// A Word document (`.docx`), Folio's own or written by a person.
    Docx,
}

impl InputFormat {
    pub const NAMES: &'static [&'static str] = &[
        "text",
        "markdown",
        "json",
        "yaml",
        "vtt",
        "srt",
        "transcript",
        "transcript-json",
        "html",
        "docx",
    ];

    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(InputFormat::Text),
            "markdown" | "md" => Some(InputFormat::Markdown),
            "json" => Some(InputFormat::Json),
            "yaml" | "yml" => Some(InputFormat::Yaml),
            "vtt" | "webvtt" => Some(InputFormat::WebVtt),
            "srt" | "subrip" => Some(InputFormat::Srt),
            "transcript" | "otter" | "rev" | "whisperx" => Some(InputFormat::Transcript),
            "transcript-json" | "whisperx-json" | "podcast-json" => {
                Some(InputFormat::TranscriptJson)
            }
            "html" | "htm" | "xhtml" | "web" => Some(InputFormat::Html),
            "docx" | "word" => Some(InputFormat::Docx),
            _ => None,
        }
    }

    pub fn from_extension(path: &str) -> Option<Self> {
        let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(InputFormat::Markdown),
            "json" => Some(InputFormat::Json),
            "yaml" | "yml" => Some(InputFormat::Yaml),
            "vtt" => Some(InputFormat::WebVtt),
            "srt" => Some(InputFormat::Srt),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "docx" => Some(InputFormat::Docx),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Json => "json",
            InputFormat::Yaml => "yaml",
            InputFormat::WebVtt => "vtt",
            InputFormat::Srt => "srt",
            InputFormat::Transcript => "transcript",
            InputFormat::TranscriptJson => "transcript-json",
            InputFormat::Html => "html",
            InputFormat::Docx => "docx",
        }
    }

    /// A timed form: a caption file or a transcription tool's export.
    pub fn is_transcript(self) -> bool {
        matches!(
            self,
            InputFormat::WebVtt
                | InputFormat::Srt
                | InputFormat::Transcript
                | InputFormat::TranscriptJson
        )
    }
}

/// Where the start times of a transcript's turns are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timestamps {
    /// Not shown (they stay in the model's `start`).
    None,
    /// Before each turn: the default for transcripts.
    #[default]
    Turns,
    /// Before each paragraph.
    Paragraphs,
}

impl Timestamps {
    pub const NAMES: &'static [&'static str] = &["none", "turns", "paragraphs"];

    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "none" | "off" => Some(Timestamps::None),
            "turns" | "turn" => Some(Timestamps::Turns),
            "paragraphs" | "paragraph" => Some(Timestamps::Paragraphs),
            _ => None,
        }
    }
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Forces a reader (`--from`); otherwise the extension, then the content, decide.
    pub format: Option<InputFormat>,
    /// Role overrides by label (`--role LABEL=ROLE`, `--interviewer LABEL`).
    pub roles: Vec<(String, SpeakerRole)>,
    /// Metadata overrides (`-M key=value`), applied in order after reading.
    pub metadata: Vec<(String, String)>,
    /// Keep straight quotes, `--` and `...` as typed (`--no-smart-punctuation`,
    /// `smart-punctuation = false`); by default they become the language's
    /// typographic forms. Model files are never changed.
    pub straight_punctuation: bool,
    /// Names for a transcript's speaker ids (`--speaker SPEAKER_00=Dana Park`),
    /// before those of a sidecar file; two ids given one name are one speaker.
    pub speaker_names: Vec<(String, String)>,
    /// Where a transcript's start times are shown (`--timestamps`).
    pub timestamps: Timestamps,
    /// Remove filler words from transcripts (`--clean-verbatim`); off by default.
    pub clean_verbatim: bool,
}

/// A read interview and what the reader had to guess or leave out.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub interview: Interview,
    pub warnings: Vec<Diagnostic>,
    pub format: InputFormat,
    /// How each speaker's role was decided, in speaker order (empty for a
    /// model file, whose roles are stated).
    pub roles: Vec<assemble::RoleEvidence>,
}

/// Reads an interview file. A transcript's sidecar (`NAME.folio.toml` or
/// `NAME.folio.yaml` beside it) is read with it.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Parsed, Error> {
    let bytes = std::fs::read(path).map_err(|error| Error::Io {
        path: path.to_path_buf(),
        error,
    })?;
    read_source(&bytes, &path.display().to_string(), options, Some(path))
}

/// Reads an interview from bytes; `name` is used for messages and its extension to pick a reader.
pub fn read_bytes(bytes: &[u8], name: &str, options: &ReadOptions) -> Result<Parsed, Error> {
    read_source(bytes, name, options, None)
}

/// Chooses the reader and runs it. A web page decodes its own bytes (its
/// `<meta charset>` names the encoding); every other input is text decoded
/// here.
fn read_source(
    bytes: &[u8],
    name: &str,
    options: &ReadOptions,
    path: Option<&Path>,
) -> Result<Parsed, Error> {
    // A DOCX is binary: it never goes through the text decoder.
    if reads_as_docx(bytes, name, options) {
        return docx::read(bytes, name, options);
    }
    let named = options.format.or_else(|| InputFormat::from_extension(name));
    if named == Some(InputFormat::Html) {
        return html::read(bytes, name, options);
    }
    let text = source::decode(bytes, name)?;
    let format = options.format.unwrap_or_else(|| choose_format(name, &text));
    if format == InputFormat::Html {
        return html::read(bytes, name, options);
    }
    let sidecar = match path {
        Some(path) if format.is_transcript() => sidecar::find(path)?,
        _ => None,
    };
    read_text_as(&text, name, format, options, sidecar)
}

fn read_text_as(
    text: &str,
    name: &str,
    format: InputFormat,
    options: &ReadOptions,
    sidecar: Option<sidecar::Sidecar>,
) -> Result<Parsed, Error> {
    let timed = |form| read_timed(text, name, options, form, format, sidecar);
    match format {
        InputFormat::Json | InputFormat::Yaml => model_file::read(text, name, format, options),
        InputFormat::Markdown => read_markdown(text, name, options),
        InputFormat::Text => read_text(text, name, options),
        InputFormat::WebVtt => timed(transcript::TimedForm::WebVtt),
        InputFormat::Srt => timed(transcript::TimedForm::Srt),
        InputFormat::Transcript => timed(transcript::TimedForm::TextExport),
        InputFormat::TranscriptJson => timed(transcript::TimedForm::Json),
        // Read from its bytes by `read_source`; a page given as text is
        // UTF-8 already.
        InputFormat::Html => html::read(text.as_bytes(), name, options),
        // Chosen before decoding (see `reads_as_docx`); only a forced
        // `--from docx` on text that is no zip gets here.
        InputFormat::Docx => docx::read(text.as_bytes(), name, options),
    }
}

/// `--from docx`, a `.docx` name, or (with neither format nor extension)
/// a zip holding `word/document.xml`.
fn reads_as_docx(bytes: &[u8], name: &str, options: &ReadOptions) -> bool {
    match (options.format, InputFormat::from_extension(name)) {
        (Some(format), _) => format == InputFormat::Docx,
        (None, Some(format)) => format == InputFormat::Docx,
        (None, None) => docx::looks_like_docx(bytes),
    }
}

/// The extension decides; content decides when there is none or it is ambiguous.
fn choose_format(name: &str, text: &str) -> InputFormat {
    let has_front_matter = text.starts_with("---\n") || text.starts_with("+++\n");
    match InputFormat::from_extension(name) {
        // A `.txt` written in Markdown: front matter, or bold labels on several lines.
        Some(InputFormat::Text) if has_front_matter || bold_lines(text) >= 2 => {
            InputFormat::Markdown
        }
        // A `.txt` a transcription tool exported, or a caption file or a
        // JSON transcript saved as text.
        Some(InputFormat::Text) => timed_form(text).unwrap_or_else(|| {
            if transcript::looks_like_transcript_json(text) {
                InputFormat::TranscriptJson
            } else {
                InputFormat::Text
            }
        }),
        Some(InputFormat::Json) if transcript::looks_like_transcript_json(text) => {
            InputFormat::TranscriptJson
        }
        Some(format) => format,
        None => {
            let trimmed = text.trim_start();
            if let Some(form) = timed_form(text) {
                form
            } else if trimmed.starts_with('{') {
                if transcript::looks_like_transcript_json(text) {
                    InputFormat::TranscriptJson
                } else {
                    InputFormat::Json
                }
            } else if looks_like_html(trimmed) {
                InputFormat::Html
            } else if looks_like_yaml_model(text) {
                InputFormat::Yaml
            } else if has_front_matter || looks_like_markdown(text) {
                InputFormat::Markdown
            } else {
                InputFormat::Text
            }
        }
    }
}

/// A caption file or a transcript export, by its content.
fn timed_form(text: &str) -> Option<InputFormat> {
    let first = text.lines().next().unwrap_or("");
    if first
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    {
        Some(InputFormat::WebVtt)
    } else if transcript::looks_like_srt(text) {
        Some(InputFormat::Srt)
    } else if transcript::looks_like_export(text) {
        Some(InputFormat::Transcript)
    } else {
        None
    }
}

fn bold_lines(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("**") && l[2..].contains("**")
        })
        .count()
}

/// A page by its first tag: a doctype, `<html>`, or a `<head>`/`<body>`.
fn looks_like_html(trimmed: &str) -> bool {
    let head: String = trimmed
        .chars()
        .take(20)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<?xml"]
        .iter()
        .any(|start| head.starts_with(start))
        && trimmed.to_ascii_lowercase().contains("<body")
}

fn looks_like_yaml_model(text: &str) -> bool {
    let keys = ["meta:", "speakers:", "turns:"];
    keys.iter()
        .all(|k| text.lines().any(|l| l.trim_end() == *k))
}

fn looks_like_markdown(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("**") || l.starts_with("![")
    })
}

fn read_markdown(text: &str, name: &str, options: &ReadOptions) -> Result<Parsed, Error> {
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let front_matter = frontmatter::parse(text, name)?;
    let (extras, body) = match &front_matter {
        Some(block) => {
            let extras = frontmatter::apply(block, &mut meta, &mut warnings);
            // Blank the front matter out so body lines keep their numbers.
            let body: String = text
                .split_inclusive('\n')
                .enumerate()
                .map(|(i, line)| if i < block.lines { "\n" } else { line })
                .collect();
            (extras, body)
        }
        None => (frontmatter::FrontMatterExtras::default(), text.to_string()),
    };
    let (mut blocks, markdown_warnings) = markdown::read_blocks(&body);
    warnings.extend(markdown_warnings);
    take_title_block(&mut blocks, &mut meta);
    let context = headline_context(&meta);
    let document = Document {
        meta,
        header_figures: Vec::new(),
        header_datelines: Vec::new(),
        body: Body::Blocks(blocks),
        hints: extras.hints,
        context,
        editors_note: extras.editors_note,
        intro: extras.intro,
        bio: extras.bio,
        warnings,
    };
    finish(document, name, options, InputFormat::Markdown)
}

/// The headline, standfirst and description, one a line: text outside the
/// body that may name the speakers.
fn headline_context(meta: &Meta) -> String {
    let mut context = String::new();
    for value in [&meta.title, &meta.subtitle, &meta.description]
        .into_iter()
        .flatten()
    {
        context.push_str(value);
        context.push('\n');
    }
    context
}

/// A leading `# Title`, an italic standfirst and a `By …` line under it.
fn take_title_block(blocks: &mut Vec<RawBlock>, meta: &mut Meta) {
    let Some(RawBlock {
        kind: RawKind::Heading { level: 1, text },
        ..
    }) = blocks.first()
    else {
        return;
    };
    let heading = text.clone();
    if meta.title.is_none() {
        meta.title = Some(heading);
    } else if meta.title.as_deref() != Some(heading.as_str()) {
        return;
    }
    blocks.remove(0);
    if meta.subtitle.is_none()
        && let Some(RawBlock {
            kind: RawKind::Paragraph(inlines),
            ..
        }) = blocks.first()
        && let [Inline::Emphasis { content }] = inlines.as_slice()
        && matches!(
            assemble::labels::scan(content),
            assemble::labels::LabelScan::None
        )
        && !assemble::is_editing_note(&plain_text(content))
    {
        meta.subtitle = Some(clean_line(&plain_text(content)));
        blocks.remove(0);
    }
    if let Some(RawBlock {
        kind: RawKind::Paragraph(inlines),
        ..
    }) = blocks.first()
        && let Some(people) = text::byline(&clean_line(&plain_text(inlines)))
    {
        meta.authors = people;
        blocks.remove(0);
    }
}

fn read_text(text: &str, name: &str, options: &ReadOptions) -> Result<Parsed, Error> {
    let mut meta = Meta::default();
    let (header, blocks) = text::read(text, &mut meta);
    let hints = SpeakerHints {
        interviewers: meta.interviewers.clone(),
        interviewees: header.interviewees,
        ..SpeakerHints::default()
    };
    let document = Document {
        meta,
        header_figures: header.figures,
        header_datelines: header.datelines,
        body: Body::Blocks(blocks),
        hints,
        context: header.context,
        editors_note: None,
        intro: None,
        bio: None,
        warnings: Vec::new(),
    };
    finish(document, name, options, InputFormat::Text)
}

/// Reads a caption file or a transcript export: cues become turns, and
/// the sidecar (if any) names the speakers and gives the metadata.
fn read_timed(
    text: &str,
    name: &str,
    options: &ReadOptions,
    form: transcript::TimedForm,
    format: InputFormat,
    sidecar: Option<sidecar::Sidecar>,
) -> Result<Parsed, Error> {
    let timed = transcript::parse(form, text, name)?;
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let extras = match &sidecar {
        Some(sidecar) => sidecar.apply(&mut meta, &mut warnings),
        None => frontmatter::FrontMatterExtras::default(),
    };
    if meta.title.is_none() {
        meta.title = timed.title.clone();
    }
    if meta.published.is_none() {
        meta.published = timed.published;
    }
    if meta.language.trim().is_empty()
        && let Some(language) = &timed.language
    {
        meta.language = language.clone();
    }
    // Names from the command line first, then the sidecar's.
    let mut names = options.speaker_names.clone();
    for hint in &extras.hints.speakers {
        if let (Some(label), Some(full)) = (&hint.label, &hint.name)
            && !names.iter().any(|(id, _)| id.eq_ignore_ascii_case(label))
        {
            names.push((label.clone(), full.clone()));
        }
    }
    let renamed = |label: &str| transcript::speaker_name(&names, label);
    let mut hints = extras.hints.clone();
    for hint in &mut hints.speakers {
        if let Some(label) = &hint.label {
            let label = renamed(label);
            hint.name.get_or_insert_with(|| label.clone());
            hint.label = Some(label);
        }
    }
    // `--role SPEAKER_00=interviewer` still applies once the id has a name.
    let roles: Vec<(String, SpeakerRole)> = options
        .roles
        .iter()
        .map(|(label, role)| (renamed(label), *role))
        .collect();
    let options = &ReadOptions {
        roles,
        ..options.clone()
    };
    let language = if meta.language.trim().is_empty() {
        let sample: String = timed
            .cues
            .iter()
            .take(200)
            .flat_map(|cue| cue.lines.iter().map(|l| plain_text(l) + "\n"))
            .collect();
        infer_language(&sample)
    } else {
        meta.language.clone()
    };
    let preamble = timed.preamble.join("\n\n");
    let built = transcript::build(
        timed,
        &transcript::Settings {
            names: &names,
            timestamps: options.timestamps,
            clean_verbatim: options.clean_verbatim,
            language: &language,
        },
    );
    if built.turns.is_empty() {
        return Err(Error::NoTurns {
            name: name.to_string(),
            looked_for: match form {
                transcript::TimedForm::TextExport => "looked for speaker lines (`Name  1:05`, `Speaker 1 (00:03:18):`, `[SPEAKER_00]: text`, `[00:01:23] Name: text`) and found none with words after them".into(),
                _ => "the file has no cue with any words in it".into(),
            },
        });
    }
    warnings.extend(built.warnings);
    meta.edits.extend(built.edits);
    let intro = match (extras.intro, preamble.is_empty()) {
        (Some(intro), false) => Some(format!("{preamble}\n\n{intro}")),
        (Some(intro), true) => Some(intro),
        (None, false) => Some(preamble),
        (None, true) => None,
    };
    let context = meta.title.clone().unwrap_or_default();
    let document = Document {
        meta,
        header_figures: Vec::new(),
        header_datelines: Vec::new(),
        body: Body::Turns(built.turns),
        hints,
        context,
        editors_note: extras.editors_note,
        intro,
        bio: extras.bio,
        warnings,
    };
    let mut parsed = finish(document, name, options, format)?;
    // A caption file has no front matter: its speakers are set in a sidecar.
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("NAME");
    for warning in &mut parsed.warnings {
        if warning.kind == crate::diagnostic::DiagnosticKind::GuessedRole {
            warning.message = warning.message.replace(
                "set `speakers` in front matter",
                &format!("set `speakers` in a sidecar ({stem}.folio.toml)"),
            );
        }
    }
    Ok(parsed)
}

/// What a document reader found, before the interview is assembled.
struct Document {
    meta: Meta,
    header_figures: Vec<crate::model::Figure>,
    header_datelines: Vec<String>,
    body: Body,
    hints: SpeakerHints,
    context: String,
    editors_note: Option<String>,
    intro: Option<String>,
    bio: Option<String>,
    warnings: Vec<Diagnostic>,
}

/// The text after the front: blocks whose labels the assembler finds, or
/// turns a timed reader already knows the speakers of.
enum Body {
    Blocks(Vec<RawBlock>),
    Turns(Vec<assemble::LabelledTurn>),
}

fn text_paragraphs(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(clean_line)
        .filter(|t| !t.is_empty())
        .map(|t| Block::Paragraph {
            content: vec![Inline::text(t)],
        })
        .collect()
}

fn finish(
    document: Document,
    name: &str,
    options: &ReadOptions,
    format: InputFormat,
) -> Result<Parsed, Error> {
    let Document {
        mut meta,
        header_figures,
        header_datelines,
        body,
        mut hints,
        mut context,
        editors_note,
        intro,
        bio,
        mut warnings,
    } = document;
    hints.overrides.extend(options.roles.iter().cloned());
    if hints.publication.is_none() {
        hints.publication = meta.publication.clone();
    }
    hints.authors = meta.authors.clone();
    hints.headline_interviewee = meta.title.as_deref().and_then(headline_interviewee);
    // Bylines name people in full; labels often give only a first name.
    for author in &meta.authors {
        context.push_str(author);
        context.push('\n');
    }
    if let Body::Blocks(blocks) = &body {
        for block in blocks {
            if let RawKind::Paragraph(inlines) = &block.kind {
                context.push_str(&plain_text(inlines));
                context.push('\n');
            }
            if let RawKind::Figure(figure) = &block.kind {
                context.push_str(&figure.plain_text());
                context.push('\n');
            }
        }
    }
    for figure in &header_figures {
        context.push_str(&figure.plain_text());
        context.push('\n');
    }
    let assembled = match body {
        Body::Blocks(blocks) => assemble::assemble(blocks, &hints, &context),
        Body::Turns(turns) => assemble::build_labelled(turns, Vec::new(), &hints, &context)
            .map_err(|_| "found cues but no words in them".to_string()),
    }
    .map_err(|looked_for| Error::NoTurns {
        name: name.to_string(),
        looked_for,
    })?;
    warnings.extend(assembled.warnings);
    warnings.sort_by_key(|w| w.line.unwrap_or(0));
    let roles = assembled.roles;

    let mut front: Vec<FrontBlock> = header_datelines
        .into_iter()
        .map(|text| FrontBlock::Dateline { text })
        .chain(
            header_figures
                .into_iter()
                .map(|figure| FrontBlock::Figure { figure }),
        )
        .collect();
    if let Some(note) = editors_note {
        front.push(FrontBlock::EditorsNote {
            content: text_paragraphs(&note),
        });
    }
    if let Some(intro) = intro {
        front.push(FrontBlock::Introduction {
            content: text_paragraphs(&intro),
        });
    }
    front.extend(assembled.front);
    let mut closing = assembled.closing;
    if let Some(bio) = bio {
        closing.push(ClosingBlock::Bio {
            content: text_paragraphs(&bio),
        });
    }
    let mut interview = Interview {
        meta: std::mem::take(&mut meta),
        speakers: assembled.speakers,
        front,
        turns: assembled.turns,
        sections: assembled.sections,
        closing,
    };
    warnings.extend(complete_meta(&mut interview, options, name)?);
    warnings.extend(crate::link::unlink_unfollowable(&mut interview));
    drop_restated_interviewers(&mut interview.meta, &interview.speakers);
    if !options.straight_punctuation {
        crate::typography::apply(&mut interview);
    }
    model_file::validate(&interview).map_err(|message| Error::InvalidModel {
        name: name.to_string(),
        message,
    })?;
    Ok(Parsed {
        interview,
        warnings,
        format,
        roles,
    })
}

/// An interviewer who is also in the byline and is a named speaker is said
/// twice already: the model keeps the byline and the speaker, and lists in
/// `interviewers` only who asked without being either.
fn drop_restated_interviewers(meta: &mut Meta, speakers: &[crate::model::Speaker]) {
    let same = |a: &str, b: &str| {
        crate::normalise::clean_line(a).to_lowercase()
            == crate::normalise::clean_line(b).to_lowercase()
    };
    meta.interviewers.retain(|person| {
        let in_byline = meta.authors.iter().any(|a| same(a, person));
        let speaks = speakers.iter().any(|s| {
            s.role == SpeakerRole::Interviewer && s.name.as_deref().is_some_and(|n| same(n, person))
        });
        !(in_byline && speaks)
    });
}

/// The person a headline says was interviewed: `Interview with Ann Lee`,
/// `In conversation with Ann Lee, potter`, `Q&A: Ann Lee`.
fn headline_interviewee(title: &str) -> Option<String> {
    // ASCII lower case keeps byte offsets, so `at` indexes `title` too.
    let lower = title.to_ascii_lowercase();
    let at = [
        "interview with ",
        "in conversation with ",
        "a conversation with ",
        "conversation with ",
        "q&a with ",
        "q&a: ",
        "talking to ",
        "talking with ",
        "meet ",
        "entretien avec ",
        "interview mit ",
        "entrevista con ",
        "entrevista a ",
        "intervista a ",
    ]
    .iter()
    .find_map(|marker| lower.find(marker).map(|at| at + marker.len()))?;
    let rest = title.get(at..)?;
    let words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(4)
        .collect();
    let mut name = words.join(" ");
    // A name ends at its first punctuation: `Ann Lee, potter`.
    if let Some(end) = name.find([',', ':', ';', '(', '—', '–']) {
        name.truncate(end);
    }
    let name = name.trim().trim_end_matches(['.', '!', '?']).to_string();
    let parts = name.split_whitespace().count();
    let letters = name
        .chars()
        .all(|c| c.is_alphabetic() || " -'’.".contains(c));
    (parts >= 2 && letters).then_some(name)
}

/// `Jane Roe, John Doe and Ann Lee` as three names.
pub(crate) fn split_people(text: &str) -> Vec<String> {
    text.split(" and ")
        .flat_map(|part| part.split([',', ';', '&']))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Applies the user's metadata, then fills the language and identifier when
/// neither the source nor the user gave them. Returns what it had to
/// report: a language that is not a language tag (replaced by the one the
/// text is written in), a `--role` that names no speaker.
pub(crate) fn complete_meta(
    interview: &mut Interview,
    options: &ReadOptions,
    name: &str,
) -> Result<Vec<Diagnostic>, Error> {
    for (key, value) in &options.metadata {
        crate::overrides::apply_metadata(&mut interview.meta, key, value).map_err(|message| {
            Error::InvalidModel {
                name: name.to_string(),
                message,
            }
        })?;
    }
    let mut warnings = Vec::new();
    let given = interview.meta.language.trim().to_string();
    let (language, problem) = crate::Language::from_tag(&given);
    if problem.is_none() {
        interview.meta.language = language.tag().to_string();
    }
    if !given.is_empty() && problem.is_some() {
        interview.meta.language = String::new();
        fill_language_and_identifier(interview);
        warnings.push(Diagnostic::new(
            crate::diagnostic::DiagnosticKind::Ignored,
            None,
            format!(
                "the language {given:?} is not a language tag (such as en, fr-CA or zh-Hant); the text reads as {:?}, which is used instead",
                interview.meta.language
            ),
        ));
    }
    fill_language_and_identifier(interview);
    let language = crate::Language::of(&interview.meta.language);
    if !language.has_terms() {
        warnings.push(Diagnostic::new(
            crate::diagnostic::DiagnosticKind::Other,
            None,
            format!(
                "Folio has no table of words for the language {:?}; the words it adds (contents, by, published, the roles) are in English",
                language.tag()
            ),
        ));
    }
    let key = crate::assemble::labels::label_key;
    for (label, _) in &options.roles {
        let named = interview.speakers.iter().any(|s| {
            key(&s.label) == key(label) || s.name.as_deref().is_some_and(|n| key(n) == key(label))
        });
        if !named {
            let labels: Vec<&str> = interview
                .speakers
                .iter()
                .map(|s| s.label.as_str())
                .collect();
            warnings.push(Diagnostic::new(
                crate::diagnostic::DiagnosticKind::Ignored,
                None,
                format!(
                    "--role names {label:?}, but no speaker has that label; the speakers are {}",
                    labels.join(", ")
                ),
            ));
        }
    }
    Ok(warnings)
}

fn fill_language_and_identifier(interview: &mut Interview) {
    if interview.meta.language.trim().is_empty() {
        let mut text = interview.meta.title.clone().unwrap_or_default();
        for turn in &interview.turns {
            text.push('\n');
            text.push_str(&blocks_plain_text(&turn.content));
        }
        interview.meta.language = infer_language(&text);
    }
    if interview.meta.identifier.trim().is_empty() {
        interview.meta.identifier = stable_identifier(interview);
    }
}
