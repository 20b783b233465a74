/// `robots.txt`: every page may be crawled, and the sitemap is where the base URL says. Crawlers
/// read it only at a domain's root, so under a sub-path the host's own robots.txt must say the
/// same (the README explains); one in `Static/` replaces this one.
struct RobotsText {
    let site: LoadedSite

    func text() -> String {
        // The search page is crawled but says noindex, which a Disallow here would hide from crawlers.
        var text = "User-agent: *\nAllow: /\n"
        if let base = site.config.baseURL { text += "\nSitemap: \(base)\(SiteLayout.sitemapFile)\n" }
        return text
    }
}
