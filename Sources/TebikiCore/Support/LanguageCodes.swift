/// Codes that, as a folder of `Articles/` on a site with several languages, are most likely a
/// translation the site forgot to list rather than a category. English words that are also
/// codes (`it`, `id`, `no`, `is`) are left out: those are far more often a category.
enum LanguageCodes {
    static let common: Set<String> = [
        "ar", "cs", "da", "de", "el", "en", "en-gb", "en-us", "es", "fi", "fr", "he", "hi", "hu", "ja", "ko", "nl", "pl",
        "pt", "pt-br", "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh", "zh-cn", "zh-hans", "zh-hant", "zh-tw",
    ]
}

extension LanguageCodes {
    /// Each language's name in itself, for the language switcher; a code without one is shown as it is.
    static func name(of code: String) -> String {
        names[code.lowercased()] ?? names[String(code.lowercased().prefix { $0 != "-" })] ?? code
    }

    private static let names: [String: String] = [
        "ar": "العربية", "cs": "Čeština", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά", "en": "English", "es": "Español",
        "fi": "Suomi", "fr": "Français", "he": "עברית", "hi": "हिन्दी", "hu": "Magyar", "id": "Bahasa Indonesia", "it": "Italiano",
        "ja": "日本語", "ko": "한국어", "nl": "Nederlands", "pl": "Polski", "pt": "Português", "ro": "Română", "ru": "Русский",
        "sv": "Svenska", "th": "ไทย", "tr": "Türkçe", "uk": "Українська", "vi": "Tiếng Việt", "zh": "中文",
        "zh-cn": "简体中文", "zh-hans": "简体中文", "zh-tw": "繁體中文", "zh-hant": "繁體中文",
    ]
}
