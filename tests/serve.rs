//! `folio serve` over real HTTP on 127.0.0.1: every endpoint, every error
//! status, the limits, the token, the guards against other sites' pages,
//! concurrent load and a graceful stop. Each test starts its own server on
//! a free port.

// Tests report failure by panicking, helpers included.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const EPOCH: &str = "1700000000";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/seed/seed.txt")).unwrap()
}

/// A running `folio serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
    port: u16,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        Server::start_in(extra, &std::env::temp_dir())
    }

    /// A server whose temporary folders go into `tmp`.
    fn start_in(extra: &[&str], tmp: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["serve", "--port", "0", "--quiet"])
            .args(extra)
            .current_dir(root())
            .env("TMPDIR", tmp)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env_remove("FOLIO_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let base = first
            .trim()
            .strip_prefix("Folio is serving on ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .trim_end_matches('/')
            .to_string();
        let port = base.rsplit(':').next().unwrap().parse().unwrap();
        Server { child, base, port }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends SIGTERM, as a service manager does.
    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// A finished exchange: status, headers we look at, body.
struct Answer {
    status: u16,
    headers: ureq::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!(
                "not JSON ({err}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// An error answer: the status and the JSON fields every error has.
    fn assert_error(&self, status: u16, words: &str) -> Value {
        let json = self.json();
        assert_eq!(self.status, status, "{json}");
        let message = json["error"].as_str().unwrap();
        assert!(message.contains(words), "{message:?} lacks {words:?}");
        for field in ["file", "line", "column"] {
            assert!(json.get(field).is_some(), "no {field} in {json}");
        }
        assert_eq!(self.header("content-type"), "application/json");
        json
    }
}

fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .body_mut()
        .with_config()
        .limit(200 * 1024 * 1024)
        .read_to_vec()
        .unwrap();
    Answer {
        status,
        headers,
        body,
    }
}

fn get(url: &str) -> Answer {
    answer(agent().get(url).call())
}

/// POSTs `body` with the API header and a content type.
fn post(url: &str, content_type: &str, body: &[u8]) -> Answer {
    answer(
        agent()
            .post(url)
            .header("X-Folio", "1")
            .header("Content-Type", content_type)
            .send(body),
    )
}

/// A multipart form: (field, file name or none, bytes).
fn form(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "folio-test-boundary-7d1c";
    let mut body = Vec::new();
    for (field, file, bytes) in parts {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\""
        )
        .unwrap();
        if let Some(file) = file {
            write!(
                body,
                "; filename=\"{file}\"\r\nContent-Type: application/octet-stream"
            )
            .unwrap();
        }
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn post_form(url: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Answer {
    let (content_type, body) = form(parts);
    post(url, &content_type, &body)
}

fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    document.extract_text(&pages).unwrap()
}

fn zip_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    archive.file_names().map(String::from).collect()
}

/// What `folio` writes for the same input and options, for comparison.
fn cli_output(args: &[&str]) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("out");
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command
        .args(args)
        .arg("-o")
        .arg(&file)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", EPOCH);
    let status = command.status().unwrap();
    assert!(status.success());
    std::fs::read(&file).unwrap()
}

#[test]
fn health_openapi_and_schema() {
    let server = Server::start(&[]);
    let health = get(&server.url("/api/health"));
    assert_eq!(health.status, 200);
    let json = health.json();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["limits"]["max_body_bytes"], 10 * 1024 * 1024);
    assert_eq!(health.header("cache-control"), "no-store");

    let openapi = get(&server.url("/api/openapi.json")).json();
    assert_eq!(openapi["openapi"], "3.1.0");
    for path in ["/api/inspect", "/api/convert", "/api/book", "/api/health"] {
        assert!(openapi["paths"].get(path).is_some(), "{path} undocumented");
    }
    // The model's schema is in the document, with its references pointing
    // inside it.
    let schemas = &openapi["components"]["schemas"];
    assert_eq!(schemas["Interview"]["title"], "Interview");
    let text = openapi.to_string();
    assert!(!text.contains("#/$defs/"));
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(schemas.get(name).is_some(), "dangling reference to {name}");
    }

    // /api/schema.json is what `folio schema` prints.
    let printed = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(printed.status.success());
    let printed: Value = serde_json::from_slice(&printed.stdout).unwrap();
    assert_eq!(get(&server.url("/api/schema.json")).json(), printed);
}

#[test]
fn the_page_is_served_with_a_strict_policy() {
    let server = Server::start(&[]);
    let page = get(&server.url("/"));
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    let policy = page.header("content-security-policy");
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"));
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    let html = String::from_utf8(page.body).unwrap();
    // Everything the page loads comes from the server itself.
    for attribute in ["src=\"", "href=\""] {
        for link in html.split(attribute).skip(1) {
            let target = link.split('"').next().unwrap();
            assert!(
                !target.contains("//"),
                "the page loads {target} from elsewhere"
            );
            if target.ends_with(".js") || target.ends_with(".css") {
                let asset = get(&server.url(&format!(
                    "/{}",
                    target.trim_start_matches("./").trim_start_matches('/')
                )));
                assert_eq!(asset.status, 200, "{target}");
            }
        }
    }
    assert!(
        !html.contains("<script>"),
        "an inline script breaks the policy"
    );
    assert_eq!(get(&server.url("/no-such-file.js")).status, 404);
}

#[test]
fn inspect_returns_the_model_warnings_and_role_evidence() {
    let server = Server::start(&[]);
    let inspected = post(
        &server.url("/api/inspect?name=seed.txt"),
        "application/octet-stream",
        &seed(),
    );
    assert_eq!(inspected.status, 200);
    let json = inspected.json();
    assert_eq!(json["name"], "seed.txt");
    assert_eq!(json["format"], "text");
    // The same model as the command line's.
    let cli = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["inspect", "--json", "tests/fixtures/seed/seed.txt"])
        .current_dir(root())
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(json["model"], cli);
    let warning = &json["warnings"][0];
    assert_eq!(warning["line"], 27);
    assert!(warning["message"].as_str().unwrap().contains("Gosset"));
    let roles = json["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[0]["label"], "GT");
    assert!(!roles[1]["reasons"].as_array().unwrap().is_empty());

    // Options have the command line's names; a role given is stated.
    let stated = post(
        &server.url(
            "/api/inspect?name=seed.txt&role=Gosset%3Dinterviewee&metadata=title%3DA%20new%20title",
        ),
        "text/plain",
        &seed(),
    )
    .json();
    assert_eq!(stated["model"]["meta"]["title"], "A new title");
    assert_eq!(stated["roles"][1]["certainty"], "stated");
}

#[test]
fn convert_gives_what_the_command_line_gives() {
    let server = Server::start(&[]);
    for (to, content_type) in [
        ("pdf", "application/pdf"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("epub", "application/epub+zip"),
    ] {
        let converted = post(
            &server.url(&format!("/api/convert?to={to}&name=seed.txt")),
            "text/plain",
            &seed(),
        );
        assert_eq!(converted.status, 200, "{to}");
        assert_eq!(converted.header("content-type"), content_type);
        assert_eq!(
            converted.header("content-disposition"),
            format!("attachment; filename=\"seed.{to}\"; filename*=UTF-8''seed.{to}")
        );
        assert_eq!(converted.header("x-folio-warnings"), "1");
        let cli = cli_output(&["convert", "tests/fixtures/seed/seed.txt", "--to", to]);
        assert!(
            converted.body == cli,
            "the server's {to} differs from the command line's"
        );
    }

    // Several formats come as one zip; options as form fields.
    let zipped = post_form(
        &server.url("/api/convert"),
        &[
            ("interview", Some("seed.txt"), &seed()),
            ("to", None, b"pdf,docx,epub"),
            ("paper", None, b"letter"),
            ("pdf-standard", None, b"ua-1"),
        ],
    );
    assert_eq!(zipped.status, 200);
    assert_eq!(zipped.header("content-type"), "application/zip");
    assert_eq!(
        zip_names(&zipped.body),
        ["seed.pdf", "seed.docx", "seed.epub"]
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zipped.body)).unwrap();
    let mut pdf = Vec::new();
    archive
        .by_name("seed.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    let cli = cli_output(&[
        "convert",
        "tests/fixtures/seed/seed.txt",
        "--to",
        "pdf",
        "--paper",
        "letter",
        "--pdf-standard",
        "ua-1",
    ]);
    assert!(pdf == cli, "the zip's PDF differs from the command line's");
}

#[test]
fn an_edited_model_is_converted_as_edited() {
    let server = Server::start(&[]);
    let mut model = post(
        &server.url("/api/inspect?name=seed.txt"),
        "text/plain",
        &seed(),
    )
    .json()["model"]
        .clone();
    model["meta"]["title"] = "Edited in the browser".into();
    model["speakers"][1]["name"] = "D. Gosset".into();
    let json = serde_json::to_vec(&model).unwrap();
    // As a JSON body, and as the form's `model` field.
    let as_body = post(
        &server.url("/api/convert?to=pdf"),
        "application/json",
        &json,
    );
    assert_eq!(as_body.status, 200);
    let text = pdf_text(&as_body.body);
    assert!(text.contains("Edited in the browser"), "{text}");
    let as_form = post_form(
        &server.url("/api/convert?to=pdf"),
        &[("model", Some("seed.json"), &json)],
    );
    assert_eq!(as_form.status, 200);
    assert_eq!(
        as_form
            .header("content-disposition")
            .split(';')
            .nth(1)
            .unwrap()
            .trim(),
        "filename=\"seed.pdf\""
    );
    assert!(as_form.body == as_body.body);
}

#[test]
fn images_come_only_from_the_request() {
    let server = Server::start(&[]);
    let interview = b"---\ntitle: With a picture\n---\n\n![A red square](images/square.png \"The square\")\n\n**Q:** What is it?\n\n**A:** A square.\n\n**Q:** Red?\n\n**A:** Red.\n";
    let png = std::fs::read(root().join("crates/folio-pdf/tests/fixtures/gradient.png")).unwrap();
    let with = post_form(
        &server.url("/api/convert?to=pdf"),
        &[
            ("interview", Some("pictured.md"), interview),
            ("image", Some("square.png"), &png),
        ],
    );
    assert_eq!(with.status, 200);
    assert!(pdf_has_image(&with.body), "the uploaded image is missing");

    // Without the upload the figure keeps its caption, and no file on the
    // server's disk is read, however the path names it.
    let fixture = root().join("crates/folio-pdf/tests/fixtures/gradient.png");
    let absolute = fixture.canonicalize().unwrap().display().to_string();
    for path in [
        absolute.clone(),
        format!("file://{absolute}"),
        "../../../../../../../../..".to_string() + &absolute,
        "crates/folio-pdf/tests/fixtures/gradient.png".to_string(),
    ] {
        let outside = format!(
            "---\ntitle: Reaching out\n---\n\n![x]({path} \"Caption kept\")\n\n**Q:** Hi?\n\n**A:** Hello.\n\n**Q:** Bye?\n\n**A:** Bye.\n"
        );
        let without = post_form(
            &server.url("/api/convert?to=pdf"),
            &[("interview", Some("outside.md"), outside.as_bytes())],
        );
        assert_eq!(without.status, 200, "{path}");
        assert!(!pdf_has_image(&without.body), "{path} was read");
        assert!(pdf_text(&without.body).contains("Caption kept"));
        assert_eq!(without.header("x-folio-warnings"), "1", "{path}");
    }

    // Thousands of figures naming one upload would make the writers load
    // it thousands of times: past three times --max-body of image data,
    // counted per figure, the request is refused before any is loaded.
    let small = Server::start(&["--max-body", "0.5"]);
    let figures = |count: usize| {
        let many: String = (0..count)
            .map(|i| format!("![Figure {i}](images/gradient.png)\n\n"))
            .collect();
        format!("---\ntitle: Many\n---\n\n{many}**Q:** a?\n\n**A:** b.\n\n**Q:** c?\n\n**A:** d.\n")
    };
    let image = vec![0u8; 200 * 1024];
    let within = post_form(
        &small.url("/api/convert?to=epub"),
        &[
            ("interview", Some("few.md"), figures(5).as_bytes()),
            ("image", Some("gradient.png"), &image),
        ],
    );
    assert_eq!(within.status, 200);
    post_form(
        &small.url("/api/convert?to=epub"),
        &[
            ("interview", Some("many.md"), figures(200).as_bytes()),
            ("image", Some("gradient.png"), &image),
        ],
    )
    .assert_error(413, "counting each time an image is shown");
}

#[test]
fn pictures_inside_an_uploaded_word_file_are_kept() {
    // A Word file with a picture, made by the server itself; the page then
    // sends its edited model with the Word file beside it.
    let server = Server::start(&[]);
    let png = std::fs::read(root().join("crates/folio-pdf/tests/fixtures/gradient.png")).unwrap();
    let interview = b"---\ntitle: Pictured\n---\n\n![A gradient](gradient.png \"The gradient\")\n\n**Q:** What is it?\n\n**A:** A gradient.\n\n**Q:** Why?\n\n**A:** To test.\n";
    let docx = post_form(
        &server.url("/api/convert?to=docx"),
        &[
            ("interview", Some("pictured.md"), interview),
            ("image", Some("gradient.png"), &png),
        ],
    );
    assert_eq!(docx.status, 200);
    // Without the model Folio keeps in its own Word files, it reads the
    // document as a hand-made one, whose pictures stay inside it.
    let word = without_part(&docx.body, "docProps/custom.xml");
    let inspected = post(
        &server.url("/api/inspect?name=Talk.docx"),
        "application/octet-stream",
        &word,
    )
    .json();
    let model = serde_json::to_vec(&inspected["model"]).unwrap();
    assert!(
        String::from_utf8_lossy(&model).contains("Talk.docx#word/media/"),
        "the model does not point into the Word file"
    );
    let with = post_form(
        &server.url("/api/convert?to=pdf"),
        &[
            ("model", Some("Talk.json"), &model),
            ("image", Some("talk.docx"), &word),
        ],
    );
    assert_eq!(with.status, 200);
    assert_eq!(with.header("x-folio-warnings"), "0");
    assert!(pdf_has_image(&with.body));
    let without = post_form(
        &server.url("/api/convert?to=pdf"),
        &[("model", Some("Talk.json"), &model)],
    );
    assert_eq!(without.status, 200);
    assert!(!pdf_has_image(&without.body));
}

/// A zip archive without one of its parts.
fn without_part(bytes: &[u8], part: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).unwrap();
        if entry.name() != part {
            out.raw_copy_file(entry).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// The smallest valid PNG, one red pixel, built by hand: signature, IHDR,
/// IDAT (a stored deflate block), IEND.
fn tiny_png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        out.extend_from_slice(&crc_input);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    let raw = [0u8, 255, 0, 0];
    let mut zlib = vec![0x78, 0x01, 1];
    zlib.extend_from_slice(&(raw.len() as u16).to_le_bytes());
    zlib.extend_from_slice(&(!(raw.len() as u16)).to_le_bytes());
    zlib.extend_from_slice(&raw);
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for byte in bytes {
        a = (a + u32::from(*byte)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn pdf_has_image(bytes: &[u8]) -> bool {
    let document = lopdf::Document::load_mem(bytes).unwrap();
    document.objects.values().any(|object| {
        object
            .as_stream()
            .is_ok_and(|s| s.dict.get(b"Subtype").and_then(|v| v.as_name()).ok() == Some(b"Image"))
    })
}

#[test]
fn a_book_of_several_interviews() {
    let server = Server::start(&[]);
    let second = std::fs::read(root().join("samples/05-q-a-colon.md")).unwrap();
    let book = post_form(
        &server.url("/api/book?to=pdf"),
        &[
            ("interview", Some("seed.txt"), &seed()),
            ("interview", Some("05-q-a-colon.md"), &second),
            ("title", None, "Collected conversations".as_bytes()),
            ("author", None, b"The Desk"),
        ],
    );
    assert_eq!(book.status, 200);
    assert_eq!(
        book.header("content-disposition")
            .split(';')
            .nth(1)
            .unwrap()
            .trim(),
        "filename=\"Collected conversations.pdf\""
    );
    let text = pdf_text(&book.body);
    assert!(text.contains("Collected conversations"));
    assert!(text.contains("Gosset"));
    let untitled = post_form(
        &server.url("/api/book?to=pdf"),
        &[("interview", Some("seed.txt"), &seed())],
    );
    untitled.assert_error(400, "title");
    // Several formats come as one zip, as for one interview.
    let zipped = post_form(
        &server.url("/api/book?to=pdf,docx,epub"),
        &[
            ("interview", Some("seed.txt"), &seed()),
            ("interview", Some("05-q-a-colon.md"), &second),
            ("title", None, "Collected conversations".as_bytes()),
        ],
    );
    assert_eq!(zipped.status, 200);
    assert_eq!(
        zip_names(&zipped.body),
        [
            "Collected conversations.pdf",
            "Collected conversations.docx",
            "Collected conversations.epub"
        ]
    );
}

#[test]
fn bad_input_gets_400_with_file_line_and_column() {
    let server = Server::start(&[]);
    let model = b"{\"meta\": {\"title\": \"x\"},\n \"speakers\": [], \"turns\": [], \"bogus\": 1}";
    let bad = post(
        &server.url("/api/convert?to=pdf"),
        "application/json",
        model,
    );
    let json = bad.assert_error(400, "unknown field `bogus`");
    assert_eq!(json["file"], "interview.json");
    assert_eq!(
        (json["line"].as_u64(), json["column"].as_u64()),
        (Some(2), Some(37))
    );

    let style = post_form(
        &server.url("/api/convert?to=pdf"),
        &[
            ("interview", Some("seed.txt"), &seed()),
            ("style", None, b"paper = \"b5\"\n"),
        ],
    );
    let json = style.assert_error(400, "unknown variant `b5`");
    assert_eq!(json["file"], "folio.toml");
    assert_eq!(json["line"], 1);

    post(
        &server.url("/api/convert?to=pdf&role=GT%3Dboss"),
        "text/plain",
        &seed(),
    )
    .assert_error(400, "unknown role \"boss\"");
    post(&server.url("/api/convert?to=gif"), "text/plain", &seed())
        .assert_error(400, "unknown output format \"gif\"");
    post(&server.url("/api/convert"), "text/plain", &seed()).assert_error(400, "to=pdf");
    post(&server.url("/api/convert?to=pdf"), "text/plain", b"").assert_error(400, "no interview");
    post(
        &server.url("/api/convert?to=pdf&paper=b5"),
        "text/plain",
        &seed(),
    )
    .assert_error(400, "unknown paper size");
    // Invalid UTF-8 is the reader's error, with its place.
    let binary = post(
        &server.url("/api/inspect?name=x.txt"),
        "text/plain",
        b"Q: a\n\xff\xfe\xfd\n",
    );
    let json = binary.assert_error(400, "not UTF-8 text: invalid byte 0xFF");
    assert_eq!(json["file"], "x.txt");
    assert_eq!(json["line"], 2);
    // A PDF standard the input cannot meet is refused, not a server error.
    let figure = b"---\ntitle: T\n---\n\n![](square.png)\n\n**Q:** a?\n\n**A:** b.\n\n**Q:** c?\n\n**A:** d.\n";
    let refused = post_form(
        &server.url("/api/convert?to=pdf&pdf-standard=ua-1"),
        &[
            ("interview", Some("f.md"), figure),
            ("image", Some("square.png"), &tiny_png()),
        ],
    );
    refused.assert_error(400, "PDF/UA");
}

#[test]
fn unknown_forms_get_415() {
    let server = Server::start(&[]);
    post(&server.url("/api/inspect"), "image/png", b"\x89PNG").assert_error(415, "image/png");
    post(&server.url("/api/inspect?from=rtf"), "text/plain", b"x").assert_error(415, "rtf");
}

#[test]
fn guards_against_other_sites_and_wrong_calls() {
    let server = Server::start(&[]);
    // No X-Folio header: a foreign page could have sent it.
    let bare = answer(
        agent()
            .post(&server.url("/api/inspect"))
            .header("Content-Type", "text/plain")
            .send(&seed()[..]),
    );
    bare.assert_error(403, "X-Folio");
    let foreign = answer(
        agent()
            .post(&server.url("/api/inspect"))
            .header("X-Folio", "1")
            .header("Origin", "https://evil.example")
            .header("Content-Type", "text/plain")
            .send(&seed()[..]),
    );
    foreign.assert_error(403, "another site");
    // Sandboxed frames send `Origin: null`: as foreign as any site.
    let sandboxed = answer(
        agent()
            .post(&server.url("/api/inspect"))
            .header("X-Folio", "1")
            .header("Origin", "null")
            .header("Content-Type", "text/plain")
            .send(&seed()[..]),
    );
    sandboxed.assert_error(403, "another site");
    // Credentials a browser remembers are no proof without a token.
    let basic = answer(
        agent()
            .post(&server.url("/api/inspect"))
            .header("Authorization", "Basic dXNlcjpwYXNz")
            .header("Content-Type", "text/plain")
            .send(&seed()[..]),
    );
    basic.assert_error(403, "X-Folio");
    // A browser's preflight for a foreign page gets no permission.
    let preflight = raw(
        server.port,
        format!(
            "OPTIONS /api/convert HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: x-folio\r\nConnection: close\r\n\r\n",
            server.port
        )
        .as_bytes(),
    );
    assert!(preflight.starts_with("HTTP/1.1 403"), "{preflight}");
    assert!(
        !preflight
            .to_ascii_lowercase()
            .contains("access-control-allow")
    );
    // DNS rebinding: a foreign name pointed at 127.0.0.1.
    let rebound = raw(
        server.port,
        b"GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    );
    assert!(rebound.starts_with("HTTP/1.1 403"), "{rebound}");
    assert_eq!(
        get(&server.url("/api/nothing")).assert_error(404, "no such API call")["file"],
        Value::Null
    );
    answer(
        agent()
            .put(&server.url("/api/convert"))
            .header("X-Folio", "1")
            .send(&b""[..]),
    )
    .assert_error(405, "does not take PUT");
}

#[test]
fn a_token_is_needed_when_given() {
    let token = "correct-horse-battery-staple";
    let server = Server::start(&["--token", token]);
    get(&server.url("/api/health")).assert_error(401, "access token");
    let wrong = answer(
        agent()
            .get(&server.url("/api/health"))
            .header("Authorization", "Bearer correct-horse-battery-stapler")
            .call(),
    );
    let json = wrong.assert_error(401, "access token");
    assert_eq!(json["line"], Value::Null);
    assert_eq!(wrong.header("www-authenticate"), "Bearer realm=\"folio\"");
    let right = answer(
        agent()
            .post(&server.url("/api/inspect?name=seed.txt"))
            .header("Authorization", format!("Bearer {token}"))
            .header("Content-Type", "text/plain")
            .send(&seed()[..]),
    );
    assert_eq!(right.status, 200);
    // The page itself needs no token: it asks for one.
    assert_eq!(get(&server.url("/")).status, 200);
}

#[test]
fn serving_beyond_this_computer_needs_a_token() {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["serve", "--bind", "0.0.0.0", "--port", "0"])
        .env_remove("FOLIO_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs --token"), "{stderr}");
    let short = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["serve", "--port", "0", "--token", "short"])
        .output()
        .unwrap();
    assert_eq!(short.status.code(), Some(2));
}

/// Sends raw bytes and returns what came back until the server closed.
fn raw(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_body_over_the_limit_gets_413_and_the_server_stays_up() {
    let server = Server::start(&["--max-body", "1", "--max-images", "1"]);
    let big = vec![b'a'; 1024 * 1024 + 1];
    post(&server.url("/api/inspect?name=big.txt"), "text/plain", &big)
        .assert_error(413, "larger than 1 MB");
    // Declared far too large: refused before a byte of it is read.
    let declared = raw(
        server.port,
        b"POST /api/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folio: 1\r\nContent-Type: text/plain\r\nContent-Length: 900000000\r\n\r\nQ: hi",
    );
    assert!(declared.starts_with("HTTP/1.1 413"), "{declared}");
    let images = post_form(
        &server.url("/api/convert?to=pdf"),
        &[
            ("interview", Some("seed.txt"), &seed()),
            ("image", Some("a.png"), &tiny_png()),
            ("image", Some("b.png"), &tiny_png()),
        ],
    );
    images.assert_error(413, "more than 1 images");
    assert_eq!(get(&server.url("/api/health")).status, 200);
}

#[test]
fn a_conversion_past_its_time_gets_503_and_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start_in(&["--timeout", "0.001"], tmp.path());
    let late = post_form(
        &server.url("/api/convert?to=pdf"),
        &[
            ("interview", Some("seed.txt"), &seed()),
            ("image", Some("photo.png"), &tiny_png()),
        ],
    );
    late.assert_error(503, "longer than 1 ms");
    assert!(!late.header("retry-after").is_empty());
    // The request's private folder went with the answer.
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert_eq!(get(&server.url("/api/health")).status, 200);
}

#[test]
fn slow_clients_are_cut_off() {
    let server = Server::start(&["--read-timeout", "0.5", "--max-requests", "1"]);
    // A body that stops arriving: 408, and meanwhile the one request
    // allowed is taken, so another gets 503 with Retry-After.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"POST /api/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folio: 1\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nQ: only part").unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let busy = post(
        &server.url("/api/inspect?name=seed.txt"),
        "text/plain",
        &seed(),
    );
    busy.assert_error(503, "--max-requests");
    assert_eq!(busy.header("retry-after"), "2");
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("--read-timeout"));
    // Headers that never finish: the connection is closed.
    let mut stalled = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stalled
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    stalled
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = stalled.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(!String::from_utf8_lossy(&rest).contains("200 OK"));
    // And the server still answers.
    assert_eq!(get(&server.url("/api/health")).status, 200);
}

#[test]
fn concurrent_clients_all_succeed() {
    // 16 clients converting the reference interview at once, more than the
    // pool's threads: every one is answered, none refused. (Latency and
    // memory under load are measured by bench/serve_load.py, not here.)
    let server = Server::start(&[]);
    let conversions: usize = std::env::var("FOLIO_SERVE_LOAD")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let url = server.url("/api/convert?to=pdf&name=seed.txt");
    let seed = seed();
    let expected = cli_output(&["convert", "tests/fixtures/seed/seed.txt", "--to", "pdf"]);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..16)
            .map(|client| {
                let (url, seed, expected) = (&url, &seed, &expected);
                scope.spawn(move || {
                    for _ in (client..conversions).step_by(16) {
                        let answer = post(url, "text/plain", seed);
                        assert_eq!(answer.status, 200);
                        assert!(answer.body == *expected);
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap();
        }
    });
}

#[test]
fn a_stop_lets_running_conversions_finish() {
    let server = Server::start(&[]);
    // A request under way when the stop comes: its headers are in, its
    // body is still on the way.
    let body = seed();
    let mut running = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        running,
        "POST /api/convert?to=pdf,docx,epub&name=seed.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folio: 1\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    server.terminate();
    std::thread::sleep(Duration::from_millis(300));
    // New connections are refused at once.
    assert!(TcpStream::connect(("127.0.0.1", server.port)).is_err());
    running.write_all(&body).unwrap();
    running
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = running.read_to_end(&mut answer);
    let head_end = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&answer[..head_end]);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(zip_names(&answer[head_end + 4..]).len(), 3);
    let mut server = server;
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
}

#[test]
fn every_sample_model_meets_the_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("schema")
        .output()
        .unwrap();
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut checked = 0;
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && !path.to_string_lossy().ends_with(".folio.toml"))
        .collect();
    inputs.push(root().join("tests/fixtures/seed/seed.txt"));
    inputs.sort();
    for input in inputs {
        let read = folio_core::read_path(&input, &folio_core::ReadOptions::default());
        let Ok(parsed) = read else { continue };
        let model = serde_json::to_value(&parsed.interview).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&model)
            .take(5)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", input.display());
        checked += 1;
    }
    assert!(checked >= 29, "only {checked} samples read");
    // And the schema refuses what the reader refuses.
    let wrong = serde_json::json!({"meta": {}, "speakers": [], "turns": [], "bogus": 1});
    assert!(!validator.is_valid(&wrong));
    let bad_role = serde_json::json!({"meta": {}, "speakers": [{"id": "a", "label": "A", "role": "boss"}], "turns": []});
    assert!(!validator.is_valid(&bad_role));
}
