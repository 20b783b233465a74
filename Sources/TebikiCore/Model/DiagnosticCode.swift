/// Every kind of problem Tebiki reports, with a short code that stays the same from release to
/// release: printed after each message (`[link-missing]`), used in `tebiki.yml`'s `warnings:`
/// to silence or raise a kind, and listed in the README with what each means and how to fix it.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable {
    // Files and folders
    case articlesMissing = "articles-missing"
    case articleOutsideCategory = "article-outside-category"
    case articleTooDeep = "article-too-deep"
    case badName = "bad-name"
    case reservedName = "reserved-name"
    case caseCollision = "case-collision"
    case duplicateURL = "duplicate-url"
    case slugCollision = "slug-collision"
    case unreadableFile = "unreadable-file"
    case notUTF8 = "not-utf8"
    case specialFile = "special-file"
    case brokenSymlink = "broken-symlink"
    case symlinkLoop = "symlink-loop"
    // Languages
    case languageFolder = "language-folder"
    case languageUnused = "language-unused"
    case translationOrphan = "translation-orphan"
    case translationDuplicate = "translation-duplicate"
    // Front matter and the site's YAML files
    case invalidYAML = "invalid-yaml"
    case frontMatterMissing = "front-matter-missing"
    case frontMatterUnclosed = "front-matter-unclosed"
    case titleMissing = "title-missing"
    case frontMatterInvalid = "front-matter-invalid"
    case unknownFrontMatterKey = "unknown-front-matter-key"
    case duplicateDescription = "duplicate-description"
    case configInvalid = "config-invalid"
    case categoryInvalid = "category-invalid"
    case sectionInvalid = "section-invalid"
    case glossaryInvalid = "glossary-invalid"
    case glossaryArticleMissing = "glossary-article-missing"
    case synonymsInvalid = "synonyms-invalid"
    case tourInvalid = "tour-invalid"
    case tourTarget = "tour-target"
    // Markdown, links and images
    case duplicateHeadingID = "duplicate-heading-id"
    case rawHTML = "raw-html"
    case linkMissing = "link-missing"
    case linkMissingHeading = "link-missing-heading"
    case imageMissing = "image-missing"
    case unsafeURL = "unsafe-url"
    case relatedMissing = "related-missing"
    case aliasInvalid = "alias-invalid"
    case aliasCollision = "alias-collision"
    case unsafeSVG = "unsafe-svg"
    case containerUnclosed = "container-unclosed"
    case containerUnknown = "container-unknown"
    case containerStray = "container-stray"
    case includeMissing = "include-missing"
    case includeCycle = "include-cycle"
    case variableUnknown = "variable-unknown"
    case linkOtherTool = "link-other-tool"
    case linkOtherLanguage = "link-other-language"
    case linkUnpublished = "link-unpublished"
    case productTarget = "product-target"
    case productUnchecked = "product-unchecked"
    // What readers cannot reach or will not understand
    case missingDescription = "missing-description"
    case orphanArticle = "orphan-article"
    case unusedImage = "unused-image"
    // Theme
    case themeMissing = "theme-missing"
    case templateError = "template-error"
    case templateMissing = "template-missing"
    case themeWordMissing = "theme-word-missing"
    // Output
    case outputFolder = "output-folder"
    case writeFailed = "write-failed"
    case staticReplaces = "static-replaces"
    case staticCollision = "static-collision"

    /// The kinds reported as warnings, which `warnings:` in `tebiki.yml` may turn off; every
    /// other kind is an error and stays one.
    public var isWarning: Bool {
        switch self {
        case .duplicateDescription, .unknownFrontMatterKey, .rawHTML, .unsafeURL, .missingDescription, .orphanArticle,
             .unusedImage, .caseCollision, .staticReplaces, .unsafeSVG, .containerUnknown, .containerStray, .linkOtherTool,
             .languageUnused, .linkOtherLanguage, .themeWordMissing, .linkUnpublished, .productUnchecked:
            true
        default:
            false
        }
    }

    /// What the problem means and how to fix it, for the README's table and `--verbose` help.
    public var explanation: String {
        switch self {
        case .articlesMissing: "The site folder has no `Articles/`. Create it, with one folder per category."
        case .articleOutsideCategory: "A `.md` file directly in `Articles/`. Move it into a category folder."
        case .articleTooDeep: "A `.md` file below a section's subfolder. Articles go in `Articles/<category>/` or `Articles/<category>/<section>/`."
        case .badName: "A file or folder name with `#`, `?`, `%`, a control character, or over 255 bytes: it would break its URL. Rename it."
        case .reservedName: "A category, section, image folder or alias named `assets`, `search`, `widget` or `__tebiki`, which hold the site's own files. Rename it."
        case .caseCollision: "Two URLs that differ only in case: one page on case-insensitive hosts. Rename one."
        case .duplicateURL: "Two articles, or an article and a section, with one URL. Give the article a different `slug` or rename one of them."
        case .slugCollision: "A page address that is a file the category already has in the output (`index.html`, an image). Change the `slug`."
        case .unreadableFile: "A file that cannot be read. Check its permissions."
        case .notUTF8: "A file that is not UTF-8 text. Save it as UTF-8."
        case .specialFile: "A named pipe, socket or device in the site folder, which Tebiki never opens. Move it out."
        case .brokenSymlink: "A symbolic link whose target does not exist. Fix or remove the link."
        case .symlinkLoop: "A symbolic link back to a folder being read, or a second link to a folder already read. Remove the link."
        case .invalidYAML: "YAML that does not parse. Fix the syntax at the position shown."
        case .frontMatterMissing: "An article without front matter. Start it with `---`, a `title:` line and `---`."
        case .frontMatterUnclosed: "Front matter without its closing `---` line. Add it."
        case .titleMissing: "Front matter without `title:`. Add one."
        case .frontMatterInvalid: "A front matter value of the wrong kind (a `weight` that is not a number, an impossible date, a bad `slug`). Fix the value."
        case .unknownFrontMatterKey: "A front matter key Tebiki does not use; it is ignored. Remove it, or silence this kind."
        case .duplicateDescription: "Both `description` and `summary` are set; the first one is used. Keep one."
        case .configInvalid: "A `tebiki.yml` key or value Tebiki does not accept (or a `--base-url` that is not an absolute http(s) URL). Fix it."
        case .categoryInvalid: "A `_category.yml` key or value Tebiki does not accept. Fix it."
        case .sectionInvalid: "A `_section.yml` key or value Tebiki does not accept. Fix it."
        case .themeWordMissing: "A word of the theme (`strings/<code>.yml`) missing for a language Tebiki has no words built in for, or a key it does not know. The English word is shown."
        case .languageFolder: "A folder of `Articles/` named like a language that is not a translation folder: the default language's own code, or a language `languages:` does not list. Add the language to `languages:` or rename the folder."
        case .languageUnused: "A language listed in `languages:` that no article is translated into. Add its folder, `Articles/<code>/`, or take it off the list."
        case .translationOrphan: "A translation (`Articles/<code>/…`) without the original at the same path in the default language. Move or rename it to the original's path."
        case .translationDuplicate: "Two files that are translations of the same original into the same language (file names that differ only in Unicode normalization). Keep one."
        case .linkOtherLanguage: "A link from an article into another language: a translation linking to an original that has no translation in its language, or an article linking into another language's folder. Translate the target, or link to the translation."
        case .glossaryInvalid: "A `_glossary.yml` entry without a term or definition, a repeated term, or an unknown key. Fix the entry."
        case .glossaryArticleMissing: "A glossary entry names an article that does not exist. Name it by its path under `Articles/` without `.md`."
        case .synonymsInvalid: "A `_synonyms.yml` group that is not a list of two or more words. Fix the group."
        case .tourInvalid: "A tour or hint in front matter with a missing or unknown key, or a bad value. Fix it."
        case .tourTarget: "A tour step or hint that points at a heading, step or image the article does not have. Point it at one it has."
        case .duplicateHeadingID: "Two headings with one `{#id}`. Give each its own."
        case .rawHTML: "Raw HTML in Markdown, left out of the page. Remove it, or set `rawHTML: true` in `tebiki.yml`."
        case .linkMissing: "A link to an article or file that does not exist. Fix the path (relative, ending in `.md`)."
        case .linkMissingHeading: "A link whose `#fragment` names no heading of its target. Use the heading's id, not its text."
        case .imageMissing: "An image that does not exist. Fix the path."
        case .unsafeURL: "A link with a scheme other than http, https, mailto or tel; it was removed. Use a safe URL."
        case .relatedMissing: "A `related:` entry that names no article. Name it by its path under `Articles/` without `.md`."
        case .aliasInvalid: "An alias that is not a path in the site. Write it like `/old/page/`."
        case .aliasCollision: "An alias that is already another page's address, or a file the site writes. Remove or change it."
        case .unsafeSVG: "A published SVG that can run code (scripts, event handlers, `javascript:` links). Remove it, or allow it with `rawHTML: true`."
        case .containerUnclosed: "A `:::` container with no closing `:::` line (or closed outside the list or quote it opened in). Add the line where it ends."
        case .containerUnknown: "A `:::` container of a type Tebiki does not know; it is shown as a plain box. Use note, tip, important, warning, caution, details, tabs or code-group."
        case .containerStray: "A `:::` line that closes no container; it is left out. Remove it."
        case .includeMissing: "An `<!--@include: …-->` of a file that does not exist or is not a `.md` file in a `_` folder of `Articles/` (`Articles/_snippets/`). Fix the path (relative to the file it is in)."
        case .includeCycle: "A file that includes itself, directly or through other includes. Break the cycle."
        case .variableUnknown: "A `{{ name }}` that `variables:` in `tebiki.yml` does not define. Define it, or put the braces in backticks to show them."
        case .linkOtherTool: "A link written as VitePress, Docusaurus or Hugo write them (`/guide/page`, `./page`, `page.html`); it works, but the `.md` form is checked the same everywhere. Run `tebiki check --fix-links`."
        case .productTarget: "`tebiki check --product`: a tour step's or hint's selector matches no element, or more than one, in every saved file of the screens its url covers (or a saved screen cannot be read). Fix the selector, or save the screen in the state where the element exists (`portal.menu-open.html`)."
        case .productUnchecked: "`tebiki check --product`: a selector that a saved page cannot answer (`:hover`, `:checked`, `:has()`…), or a url no saved screen covers; it was not checked. Add a screen to `product.screens`, or check it with `?tebiki-check` in the product."
        case .linkUnpublished: "A link or image to an article left out by its `publishDate` (still to come) or `expiryDate` (passed). It is shown as plain text, and becomes a link when the article is published; remove it if the article has expired."
        case .missingDescription: "An article without `description`: lists and search results show nothing under its title. Add one."
        case .orphanArticle: "An article no other article links to or names in `related:`. Link to it."
        case .unusedImage: "An image no article uses; it is not published. Use it or remove it."
        case .themeMissing: "`theme:` names a folder that is not in `Themes/`. Fix the name."
        case .templateError: "A Mustache template that does not parse, includes a missing template or uses a name its page is not given. Fix it at the position shown."
        case .templateMissing: "The theme lacks one of the page templates. Add it, or remove the override."
        case .outputFolder: "The output folder cannot be used (a file, a link, not made by Tebiki, inside `Articles/` or `Themes/`, a mount point). Choose another."
        case .writeFailed: "A page or file could not be written (a full disk, say). The previous site is left as it was."
        case .staticReplaces: "A file in `Static/` replaces one the site writes. Remove it to publish the generated one."
        case .staticCollision: "A file in `Static/` where the site needs a folder, or inside a file the site writes. Move it."
        }
    }

    /// The diagnostics of this kind when more are left out of a summary: `… and 78 more <this>`.
    public var plural: String {
        switch self {
        case .missingDescription: "articles without a description"
        case .orphanArticle: "orphan articles"
        case .unusedImage: "unused images"
        case .rawHTML: "places with raw HTML left out"
        case .unknownFrontMatterKey: "unknown front matter keys"
        case .unsafeURL: "links with unsafe URLs removed"
        case .caseCollision: "URLs that differ only in case"
        case .linkOtherTool: "links written for other tools"
        case .containerUnknown: "containers of unknown types"
        default: "\(rawValue) problems"
        }
    }
}
