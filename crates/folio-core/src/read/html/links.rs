//! Making a page's references absolute. A page saved with its files keeps
//! pictures in a folder beside it (`Page_files/photo.jpg`): such a
//! document-relative reference stays relative, so the picture is read from
//! that folder, unless the page sets a `<base href>`. References that only
//! make sense on the site (`/img/photo.jpg`, `//cdn.test/photo.jpg`) are
//! resolved against `<base>`, else the canonical address. Nothing is fetched.

use url::Url;

#[derive(Debug, Default)]
pub struct Resolver {
    /// `<base href>`, when absolute.
    base: Option<Url>,
    /// The page's own address (`<link rel=canonical>`, `og:url`).
    page: Option<Url>,
}

impl Resolver {
    pub fn new(base: Option<&str>, canonical: Option<&str>) -> Self {
        let page = canonical.and_then(|c| Url::parse(c.trim()).ok());
        let base = base.and_then(|b| match &page {
            Some(page) => page.join(b.trim()).ok(),
            None => Url::parse(b.trim()).ok(),
        });
        Resolver { base, page }
    }

    /// An image's source: document-relative ones stay as written unless
    /// `<base>` says where they are.
    pub fn image(&self, reference: &str) -> String {
        let reference = reference.trim();
        if is_absolute(reference) {
            return reference.to_string();
        }
        let site_relative = reference.starts_with('/');
        let against = match (&self.base, site_relative) {
            (Some(base), _) => Some(base),
            (None, true) => self.page.as_ref(),
            (None, false) => None,
        };
        against
            .and_then(|url| url.join(reference).ok())
            .map_or_else(|| reference.to_string(), String::from)
    }

    /// A link's target, absolute when the page's address is known; a link
    /// within the page (`#note-1`) stays as it is.
    pub fn link(&self, reference: &str) -> String {
        let reference = reference.trim();
        if is_absolute(reference) || reference.starts_with('#') {
            return reference.to_string();
        }
        self.base
            .as_ref()
            .or(self.page.as_ref())
            .and_then(|url| url.join(reference).ok())
            .map_or_else(|| reference.to_string(), String::from)
    }
}

/// `https:`, `mailto:`, `data:`: a reference with a scheme.
fn is_absolute(reference: &str) -> bool {
    let Some((scheme, _)) = reference.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_files_stay_local_and_site_paths_become_absolute() {
        let resolver = Resolver::new(None, Some("https://news.test/2024/talk.html"));
        assert_eq!(resolver.image("talk_files/a.jpg"), "talk_files/a.jpg");
        assert_eq!(resolver.image("/img/a.jpg"), "https://news.test/img/a.jpg");
        assert_eq!(resolver.image("//cdn.test/a.jpg"), "https://cdn.test/a.jpg");
        assert_eq!(
            resolver.link("next.html"),
            "https://news.test/2024/next.html"
        );
        assert_eq!(resolver.link("#fn1"), "#fn1");
        assert_eq!(resolver.link("mailto:a@b.test"), "mailto:a@b.test");
        let based = Resolver::new(Some("https://media.test/x/"), None);
        assert_eq!(based.image("a.jpg"), "https://media.test/x/a.jpg");
    }
}
