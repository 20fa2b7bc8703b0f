//! The conversions a request asks for, run on the bounded pool: the same
//! options, readers and writers as the command line, with the request's
//! images in a private folder that nothing else is read from.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use folio_core::{Anthology, BookOrder, HouseStyle, Meta, Paper, Parsed, ReadOptions};

use super::error::ApiError;
use super::state::{AppState, Shared};
use super::submission::{Submission, Upload};
use crate::cli::ReadArgs;
use crate::render::{OutputFormat, RenderSettings, render, render_book};

/// Runs `job` on a thread of the conversion pool, never on the server's own
/// threads, within the time limit (waiting for a free core included).
/// Past the limit the request gets 503 at once and the result is thrown
/// away when the thread finishes; the thread keeps its place in the pool
/// until then, so slow conversions can never run more than `--jobs` at once.
pub async fn in_pool<T: Send + 'static>(
    state: &Shared,
    job: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let pool = state.pool.clone();
    let run = async move {
        let permit = pool
            .acquire_owned()
            .await
            .map_err(|_| ApiError::busy("Folio is shutting down", 5))?;
        tokio::task::spawn_blocking(move || {
            let result = job();
            drop(permit);
            result
        })
        .await
        .map_err(|_| {
            ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "Folio failed while converting; the server's log has the details",
            )
        })?
    };
    match tokio::time::timeout(state.limits.conversion, run).await {
        Ok(result) => result,
        Err(_) => Err(ApiError::busy(
            format!(
                "the conversion took longer than {} and was stopped (the server's --timeout)",
                seconds(state.limits.conversion.as_secs_f64())
            ),
            10,
        )),
    }
}

fn seconds(value: f64) -> String {
    if value >= 1.0 {
        format!("{value:.0} s")
    } else {
        format!("{:.0} ms", value * 1000.0)
    }
}

/// The house style of a request: its `style` field (a `folio.toml`) or the
/// server's, then `paper` and `pdf-standard` as on the command line.
pub fn house_style(
    submission: &Submission,
    state: &AppState,
) -> Result<(HouseStyle, Paper), ApiError> {
    let mut style = match &submission.style {
        Some(text) => HouseStyle::from_toml(text, "folio.toml")
            .map_err(|err| ApiError::from_conversion(&err.into(), "folio.toml"))?,
        None => state.style.clone(),
    };
    if let Some(list) = submission.get("pdf-standard") {
        style.pdf_standard = list
            .parse()
            .map_err(|message: String| ApiError::bad_input(format!("pdf-standard: {message}")))?;
    }
    let paper = match submission.get("paper") {
        Some(name) => Paper::parse(name).ok_or_else(|| {
            ApiError::bad_input(format!(
                "unknown paper size {name:?}; expected a4 or letter"
            ))
        })?,
        None => style.paper,
    };
    Ok((style, paper))
}

/// The reader options of a request, from the same names as the command
/// line's flags (`role=LABEL=ROLE`, `metadata=KEY=VALUE`…).
pub fn read_options(submission: &Submission, style: &HouseStyle) -> Result<ReadOptions, ApiError> {
    let owned = |name: &str| -> Vec<String> { submission.all(name).map(String::from).collect() };
    let args = ReadArgs {
        from: None,
        interviewer: owned("interviewer"),
        role: owned("role"),
        metadata: owned("metadata"),
        no_smart_punctuation: submission.flag("no-smart-punctuation"),
        speaker: owned("speaker"),
        timestamps: submission.get("timestamps").map(String::from),
        clean_verbatim: submission.flag("clean-verbatim"),
    };
    let mut read =
        crate::input::read_options(&args).map_err(|err| ApiError::bad_input(err.to_string()))?;
    read.straight_punctuation |= !style.smart_punctuation;
    if args.timestamps.is_none() {
        read.timestamps = style.timestamps;
    }
    Ok(read)
}

/// Reads one uploaded interview.
pub fn read(upload: &Upload, options: &ReadOptions) -> Result<Parsed, ApiError> {
    let mut options = options.clone();
    if upload.format.is_some() {
        options.format = upload.format;
    }
    folio_core::read_bytes(&upload.bytes, &upload.name, &options)
        .map_err(|err| ApiError::from_conversion(&err.into(), &upload.name))
}

/// The output formats of `to=pdf`, `to=pdf,docx,epub`.
pub fn formats(submission: &Submission) -> Result<Vec<OutputFormat>, ApiError> {
    let Some(list) = submission.get("to") else {
        return Err(ApiError::bad_input(
            "say which format to write: to=pdf, docx or epub, or several (to=pdf,docx,epub gives a zip)",
        ));
    };
    let mut formats = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let format = OutputFormat::parse(name).ok_or_else(|| {
            ApiError::bad_input(format!(
                "unknown output format {name:?}; expected pdf, docx or epub"
            ))
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if formats.is_empty() {
        return Err(ApiError::bad_input(
            "to= names no format; expected pdf, docx or epub",
        ));
    }
    Ok(formats)
}

/// A written file, ready to send.
#[derive(Debug)]
pub struct Written {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// The request's images (and Word files, whose pictures a model points
/// into) in a private folder. The handler owns it, not the conversion: it
/// is removed when the answer is sent, also when a conversion ran past its
/// time and is still finishing.
#[derive(Debug)]
pub struct UploadFolder {
    folder: tempfile::TempDir,
    files: Uploads,
}

/// What a conversion knows of the upload folder.
#[derive(Debug, Clone)]
pub struct Uploads {
    pub path: PathBuf,
    /// Each file's name as sent, and the name it is stored under.
    pub names: Vec<(String, String)>,
    /// Each stored file's size in bytes.
    pub sizes: Vec<(String, usize)>,
}

impl UploadFolder {
    pub fn uploads(&self) -> Uploads {
        Uploads {
            path: self.folder.path().to_path_buf(),
            ..self.files.clone()
        }
    }
}

/// Writes the request's files under names of the server's choosing
/// (`0.png`, `1.docx`): a name a client sent never becomes a path.
pub fn upload_folder(submission: &Submission) -> Result<UploadFolder, ApiError> {
    let folder = tempfile::Builder::new()
        .prefix("folio-serve-")
        .tempdir()
        .map_err(|_| server_failure())?;
    let words = submission
        .interviews
        .iter()
        .filter(|upload| upload.name.to_ascii_lowercase().ends_with(".docx"));
    let mut files = Uploads {
        path: folder.path().to_path_buf(),
        names: Vec::new(),
        sizes: Vec::new(),
    };
    for (index, upload) in submission.images.iter().chain(words).enumerate() {
        let stored = format!("{index}.{}", extension_of(&upload.name));
        std::fs::File::create(folder.path().join(&stored))
            .and_then(|mut file| file.write_all(&upload.bytes))
            .map_err(|_| server_failure())?;
        files.names.push((upload.name.clone(), stored.clone()));
        files.sizes.push((stored, upload.bytes.len()));
    }
    Ok(UploadFolder { folder, files })
}

/// A file name's extension, if it is a short run of ASCII letters and
/// digits (writers tell some formats by it); `bin` otherwise.
fn extension_of(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((_, ext))
            if !ext.is_empty()
                && ext.len() <= 8
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            ext.to_ascii_lowercase()
        }
        _ => "bin".into(),
    }
}

/// How many times the largest request the images a model uses, counted
/// once per figure, may add up to.
const IMAGE_BYTES_PER_BODY: usize = 3;

fn check_image_budget(
    used: &[String],
    uploads: &Uploads,
    state: &AppState,
    name: &str,
) -> Result<(), ApiError> {
    let budget = state.limits.max_body.saturating_mul(IMAGE_BYTES_PER_BODY);
    let total = used.iter().fold(0usize, |sum, stored| {
        let size = uploads
            .sizes
            .iter()
            .find(|(file, _)| file == stored)
            .map_or(0, |(_, size)| *size);
        sum.saturating_add(size)
    });
    if total > budget {
        return Err(ApiError::too_large(format!(
            "the figures use {} of images in all, counting each time an image is shown; at most {} is taken (3 times --max-body)",
            super::api::megabytes(total),
            super::api::megabytes(budget)
        ))
        .in_file(name));
    }
    Ok(())
}

fn server_failure() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        "Folio cannot write its private folder for the request's images",
    )
}

/// What the writers need, with images only from `folder`.
fn settings(style: &HouseStyle, paper: Paper, folder: &Path, state: &AppState) -> RenderSettings {
    RenderSettings {
        paper,
        style: style.clone(),
        source_date_epoch: state.source_date_epoch,
        base_dir: Some(folder.to_path_buf()),
        allow_outside: false,
        ..RenderSettings::default()
    }
}

/// Writes each format in turn (see [`render_checked`]), for one
/// interview or a book alike.
fn render_each(
    formats: &[OutputFormat],
    settings: &RenderSettings,
    style_from_request: bool,
    write: impl Fn(OutputFormat, &RenderSettings) -> anyhow::Result<folio_core::Rendered>,
    file: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<(OutputFormat, Vec<u8>)>, ApiError> {
    let mut files = Vec::with_capacity(formats.len());
    for &format in formats {
        let bytes = render_checked(format, settings, style_from_request, &write, file, warnings)?;
        files.push((format, bytes));
    }
    Ok(files)
}

/// Writes one format. A request's own house style has its PDF fonts left
/// out: for PDF they name font files, and a request never names a file of
/// the server (the server's own `--style` may).
fn render_checked(
    format: OutputFormat,
    settings: &RenderSettings,
    style_from_request: bool,
    write: impl Fn(OutputFormat, &RenderSettings) -> anyhow::Result<folio_core::Rendered>,
    file: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, ApiError> {
    let mut settings = settings.clone();
    if format == OutputFormat::Pdf
        && style_from_request
        && (settings.style.body_font.is_some() || settings.style.heading_font.is_some())
    {
        settings.style.body_font = None;
        settings.style.heading_font = None;
        warnings.push(
            "the PDF keeps its own fonts: body-font and heading-font name font files, which a request cannot give the server"
                .into(),
        );
    }
    let rendered = write(format, &settings).map_err(|err| ApiError::from_conversion(&err, file))?;
    warnings.extend(rendered.warnings.iter().map(ToString::to_string));
    Ok(rendered.bytes)
}

/// Converts the request's one interview to each format asked for: one
/// file, or a zip of several.
pub fn convert(
    submission: &Submission,
    state: &AppState,
    uploads: &Uploads,
) -> Result<Written, ApiError> {
    let upload = submission.single_interview()?;
    let formats = formats(submission)?;
    let (style, paper) = house_style(submission, state)?;
    let options = read_options(submission, &style)?;
    let parsed = read(upload, &options)?;
    let mut interview = parsed.interview;
    let mut warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    let images = interview.use_uploaded_images(&uploads.names);
    warnings.extend(images.dropped);
    check_image_budget(&images.used, uploads, state, &upload.name)?;
    let settings = settings(&style, paper, &uploads.path, state);
    let stem = download_stem(submission.get("name"), &upload.name);
    let files = render_each(
        &formats,
        &settings,
        submission.style.is_some(),
        |format, s| render(format, &interview, s),
        &upload.name,
        &mut warnings,
    )?;
    package(files, &stem, state, warnings)
}

/// Puts the request's interviews, in the order sent, into one book, in
/// each format asked for: one file, or a zip of several.
pub fn book(
    submission: &Submission,
    state: &AppState,
    uploads: &Uploads,
) -> Result<Written, ApiError> {
    if submission.interviews.is_empty() {
        return Err(ApiError::bad_input(
            "a book needs interviews: send each as a form field `interview` (a file) or `model`",
        ));
    }
    let title = submission
        .get("title")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::bad_input("a book needs a title: the field title="))?;
    let formats = formats(submission)?;
    let order = match submission.get("sort").unwrap_or("given") {
        "given" => BookOrder::Given,
        "date" => BookOrder::Date,
        other => {
            return Err(ApiError::bad_input(format!(
                "unknown sort {other:?}; expected given or date"
            )));
        }
    };
    let (style, paper) = house_style(submission, state)?;
    let options = read_options(submission, &style)?;
    let mut warnings = Vec::new();
    let mut used = Vec::new();
    let mut interviews = Vec::with_capacity(submission.interviews.len());
    for upload in &submission.interviews {
        let parsed = read(upload, &options)?;
        warnings.extend(
            parsed
                .warnings
                .iter()
                .map(|w| format!("{}: {w}", upload.name)),
        );
        let mut interview = parsed.interview;
        let images = interview.use_uploaded_images(&uploads.names);
        warnings.extend(
            images
                .dropped
                .iter()
                .map(|w| format!("{}: {w}", upload.name)),
        );
        used.extend(images.used);
        interviews.push(interview);
    }
    let meta = Meta {
        title: Some(title.to_string()),
        authors: submission.all("author").map(String::from).collect(),
        ..Meta::default()
    };
    let mut book = Anthology::new(meta, interviews, order);
    for (key, value) in &options.metadata {
        folio_core::apply_metadata(&mut book.meta, key, value).map_err(ApiError::bad_input)?;
    }
    // `metadata=cover=…` names the book's cover after the interviews' images
    // were resolved: it resolves against the uploads the same way.
    let mut cover = folio_core::UploadedImages::default();
    cover.resolve(&mut book.meta.cover, &uploads.names);
    warnings.extend(cover.dropped);
    used.extend(cover.used);
    check_image_budget(&used, uploads, state, title)?;
    let settings = settings(&style, paper, &uploads.path, state);
    let files = render_each(
        &formats,
        &settings,
        submission.style.is_some(),
        |format, s| render_book(format, &book, s),
        title,
        &mut warnings,
    )?;
    let stem = download_stem(submission.get("name"), title);
    package(files, &stem, state, warnings)
}

fn content_type(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Pdf => "application/pdf",
        OutputFormat::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        OutputFormat::Epub => "application/epub+zip",
    }
}

/// One file as it is, several in a zip.
fn package(
    mut files: Vec<(OutputFormat, Vec<u8>)>,
    stem: &str,
    state: &AppState,
    warnings: Vec<String>,
) -> Result<Written, ApiError> {
    if files.len() == 1
        && let Some((format, bytes)) = files.pop()
    {
        return Ok(Written {
            file_name: format!("{stem}.{}", format.extension()),
            content_type: content_type(format),
            bytes,
            warnings,
        });
    }
    let bytes = zip_of(&files, stem, state.source_date_epoch).map_err(|_| server_failure())?;
    Ok(Written {
        file_name: format!("{stem}.zip"),
        content_type: "application/zip",
        bytes,
        warnings,
    })
}

/// The files stored (they are compressed already), dated by
/// `SOURCE_DATE_EPOCH` or 1980-01-01, so that the same request gives the
/// same bytes.
fn zip_of(
    files: &[(OutputFormat, Vec<u8>)],
    stem: &str,
    source_date_epoch: Option<i64>,
) -> Result<Vec<u8>, folio_core::archive::ZipError> {
    use folio_core::archive::{Compression, ZipEntry, write_zip};
    let names: Vec<String> = files
        .iter()
        .map(|(format, _)| format!("{stem}.{}", format.extension()))
        .collect();
    let entries = files.iter().zip(&names).map(|((_, bytes), name)| ZipEntry {
        name,
        bytes,
        compression: Compression::Stored,
    });
    write_zip(entries, source_date_epoch.unwrap_or(0))
}

/// The name a download is saved under: `name=` (which may be the input's
/// own file name), else the input's name, without the extension of an
/// interview or an output; characters that file systems or headers cannot
/// take are left out.
pub fn download_stem(asked: Option<&str>, input: &str) -> String {
    const EXTENSIONS: &[&str] = &[
        "txt", "text", "md", "markdown", "json", "yaml", "yml", "vtt", "srt", "html", "htm",
        "docx", "pdf", "epub", "zip",
    ];
    let base = asked
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .unwrap_or(input);
    let base = match base.rsplit_once('.') {
        Some((stem, extension))
            if !stem.is_empty()
                && EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()) =>
        {
            stem
        }
        _ => base,
    };
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').to_string();
    if cleaned.is_empty() {
        "interview".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::download_stem;

    #[test]
    fn downloads_are_named_after_the_interview() {
        assert_eq!(download_stem(None, "seed.txt"), "seed");
        assert_eq!(download_stem(Some("seed.txt"), "interview.txt"), "seed");
        assert_eq!(download_stem(Some("Talk v2.1"), "x.md"), "Talk v2.1");
        assert_eq!(download_stem(Some("../a/b:c"), "x.md"), "abc");
        assert_eq!(download_stem(Some("..."), "x.md"), "interview");
        assert_eq!(download_stem(None, "Entretien.MD"), "Entretien");
    }
}
