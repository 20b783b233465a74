import Foundation

/// The theme's own words in one of the site's languages. Japanese and English are built in;
/// a theme gives another language's with `strings/<code>.yml`, and what it leaves out is
/// English.
public struct ThemeStrings: Sendable {
    public let language: String
    let words: [String: String]
    let isJapanese: Bool

    /// `themeWords`: a theme's words for the language, over the built-in ones.
    public init(language: String, words themeWords: [String: String]? = nil) {
        self.language = language
        isJapanese = Self.base(of: language) == "ja"
        let builtIn = isJapanese ? Self.japanese : Self.english
        words = themeWords.map { builtIn.merging($0) { _, theirs in theirs } } ?? builtIn
    }

    /// Every key a theme's words file may give.
    static var keys: [String] { english.keys.sorted() }

    /// Every word a template can name: the keys, and as many reasons as `feedback.reasons` may give.
    static let templateKeys = Array(Set(english.keys).union((1...maxFeedbackReasons).map { "feedbackReason\($0)" })).sorted()

    static func base(of language: String) -> String {
        language.split(separator: "-").first.map { $0.lowercased() } ?? "en"
    }

    public subscript(key: String) -> String { words[key] ?? Self.english[key] ?? key }

    /// The words the tour and hint script shows, for the page and the product widget.
    static let guideKeys = ["tourStart", "tourNew", "tourTitle", "tourBack", "tourNext", "tourDone", "tourClose",
                            "tourProgress", "tourAnnounce", "tourEnded", "hintLabel", "hintRead", "helpButton",
                            "helpTitle", "helpNone", "helpSearch", "helpCentre", "searchPlaceholder",
                            "announcementLabel", "announcementClose", "tourNextScreen", "tourGoNext"]

    /// The reasons a reader can give for "not helpful", as the site or theme lists them.
    var feedbackReasons: [String] {
        (1...Self.maxFeedbackReasons).compactMap { words["feedbackReason\($0)"] }.filter { !$0.isEmpty }
    }

    static let maxFeedbackReasons = 8

    /// All words, for templates: `{{strings.home}}`.
    var all: [String: String] { words }

    func articleCount(_ count: Int) -> String {
        if isJapanese { return "\(count) 件の記事" }
        return count == 1 ? "1 article" : "\(count) articles"
    }

    func readingTime(words: Int) -> String {
        // About 500 characters a minute in Japanese, 220 words in English.
        let minutes = max(1, Int((Double(words) / (isJapanese ? 500 : 220)).rounded()))
        return isJapanese ? "約 \(minutes) 分で読めます" : "\(minutes) min read"
    }

    /// Japanese and English dates in their own forms; any other language's in ISO form, which
    /// reads the same everywhere.
    func date(_ date: Date) -> String {
        let (year, month, day) = date.utcDay
        if isJapanese { return "\(year)年\(month)月\(day)日" }
        if Self.base(of: language) == "en" { return "\(Self.months[month - 1]) \(day), \(year)" }
        return date.isoDay
    }

    func title(site: String?) -> String { site ?? self["defaultSiteTitle"] }
}

private extension ThemeStrings {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    static let japanese: [String: String] = [
        "defaultSiteTitle": "ヘルプセンター",
        "home": "ホーム",
        "skipToContent": "本文へ移動",
        "breadcrumbs": "現在位置",
        "onThisPage": "このページの内容",
        "lastUpdated": "最終更新",
        "previous": "前の記事",
        "next": "次の記事",
        "pagination": "同じカテゴリーの記事",
        "related": "関連記事",
        "backlinks": "この記事を参照している記事",
        "tags": "タグ",
        "categories": "カテゴリー",
        "viewAll": "すべての記事を見る",
        "sectionArticles": "このセクションの記事",
        "sections": "セクション",
        "languages": "言語",
        "searchLabel": "ヘルプセンターを検索",
        "searchPlaceholder": "キーワードで検索（例: ログイン）",
        "searchButton": "検索",
        "searchTitle": "検索結果",
        "searchEmpty": "「{q}」に一致する記事は見つかりませんでした。別のことばで試すか、カテゴリーから探してください。",
        "searchCount": "{n} 件の記事が見つかりました",
        "searchAll": "{n} 件の結果をすべて見る",
        "searchNoScript": "検索には JavaScript を有効にしてください。",
        "searchPartial": "「{q}」にすべて一致する記事はありません。一部が一致する記事です:",
        "searchSuggest": "もしかして:",
        "searchFilter": "絞り込み",
        "searchEverything": "すべて",
        "searchFiltered": "{n} 件中 {m} 件を表示",
        "notFoundTitle": "ページが見つかりません",
        "notFoundText": "お探しのページは移動または削除された可能性があります。ホームから探すか、キーワードで検索してください。",
        "backHome": "ホームへ戻る",
        "redirecting": "ページは移動しました。",
        "redirectLink": "新しいページを開く",
        "footer": "Tebiki で作成",
        "callout.note": "補足",
        "callout.tip": "ヒント",
        "callout.important": "重要",
        "callout.warning": "警告",
        "callout.caution": "注意",
        "details": "詳細",
        "taskDone": "完了",
        "taskOpen": "未完了",
        "copyCode": "コピー",
        "copied": "コピーしました",
        "zoomImage": "画像を拡大",
        "zoomClose": "閉じる",
        "glossaryMore": "詳しく",
        "tourStart": "ツアーで見る",
        "tourNew": "新着",
        "tourTitle": "この記事のツアー",
        "tourBack": "戻る",
        "tourNext": "次へ",
        "tourDone": "完了",
        "tourClose": "閉じる",
        "tourProgress": "{i} / {n}",
        "tourAnnounce": "ステップ {i} / {n}: {title}",
        "tourEnded": "ツアーを終了しました",
        "hintLabel": "ヒント",
        "hintRead": "ヘルプ記事を読む",
        "helpButton": "ヘルプ",
        "helpTitle": "この画面のヘルプ",
        "helpNone": "この画面についての記事はまだありません。",
        "helpSearch": "ヘルプセンターを検索",
        "helpCentre": "ヘルプセンターを開く",
        "tourNextScreen": "次のステップ「{title}」は別の画面です。",
        "tourGoNext": "次の画面へ",
        "announcementLabel": "お知らせ",
        "announcementClose": "閉じる",
        "feedbackQuestion": "この記事は役に立ちましたか？",
        "feedbackYes": "はい",
        "feedbackNo": "いいえ",
        "feedbackReasons": "どのような点が問題でしたか？",
        "feedbackReason1": "情報が足りない",
        "feedbackReason2": "手順どおりにできない",
        "feedbackReason3": "探していた内容ではない",
        "feedbackComment": "ご意見（任意・個人情報は書かないでください）",
        "feedbackSend": "送信",
        "feedbackThanks": "ご意見ありがとうございました。",
        "supportLabel": "お問い合わせ",
        "supportLead": "解決しない場合は",
        "editPage": "このページを編集",
        "promoted": "よく見られている記事",
        "recent": "最近更新された記事",
        "feed": "更新情報（Atom フィード）",
        "markdownCopy": "Markdown",
    ]

    static let english: [String: String] = [
        "defaultSiteTitle": "Help Centre",
        "home": "Home",
        "skipToContent": "Skip to content",
        "breadcrumbs": "Breadcrumb",
        "onThisPage": "On this page",
        "lastUpdated": "Last updated",
        "previous": "Previous",
        "next": "Next",
        "pagination": "More in this category",
        "related": "Related articles",
        "backlinks": "Articles that link here",
        "tags": "Tags",
        "categories": "Categories",
        "viewAll": "View all articles",
        "sectionArticles": "Articles in this section",
        "sections": "Sections",
        "languages": "Languages",
        "searchLabel": "Search the help centre",
        "searchPlaceholder": "Search (e.g. log in)",
        "searchButton": "Search",
        "searchTitle": "Search results",
        "searchEmpty": "No articles match “{q}”. Try other words, or browse the categories.",
        "searchCount": "{n} articles found",
        "searchAll": "See all {n} results",
        "searchNoScript": "Search needs JavaScript.",
        "searchPartial": "No article matches all of “{q}”. These match part of it:",
        "searchSuggest": "Did you mean:",
        "searchFilter": "Filter",
        "searchEverything": "All",
        "searchFiltered": "Showing {m} of {n}",
        "notFoundTitle": "Page not found",
        "notFoundText": "The page you are looking for may have moved or been removed. Start from the home page or search for it.",
        "backHome": "Back to home",
        "redirecting": "This page has moved.",
        "redirectLink": "Open the new page",
        "footer": "Made with Tebiki",
        "callout.note": "Note",
        "callout.tip": "Tip",
        "callout.important": "Important",
        "callout.warning": "Warning",
        "callout.caution": "Caution",
        "details": "Details",
        "taskDone": "Done",
        "taskOpen": "Not done",
        "copyCode": "Copy",
        "copied": "Copied",
        "zoomImage": "Enlarge image",
        "zoomClose": "Close",
        "glossaryMore": "Learn more",
        "tourStart": "Show me",
        "tourNew": "New",
        "tourTitle": "Tour of this article",
        "tourBack": "Back",
        "tourNext": "Next",
        "tourDone": "Done",
        "tourClose": "Close",
        "tourProgress": "{i} / {n}",
        "tourAnnounce": "Step {i} of {n}: {title}",
        "tourEnded": "Tour ended",
        "hintLabel": "Hint",
        "hintRead": "Read the help article",
        "helpButton": "Help",
        "helpTitle": "Help for this screen",
        "helpNone": "No articles for this screen yet.",
        "helpSearch": "Search the help centre",
        "helpCentre": "Open the help centre",
        "tourNextScreen": "The next step, “{title}”, is on another screen.",
        "tourGoNext": "Go to the next screen",
        "announcementLabel": "Announcement",
        "announcementClose": "Close",
        "feedbackQuestion": "Was this article helpful?",
        "feedbackYes": "Yes",
        "feedbackNo": "No",
        "feedbackReasons": "What was the problem?",
        "feedbackReason1": "Not enough information",
        "feedbackReason2": "The steps did not work",
        "feedbackReason3": "Not what I was looking for",
        "feedbackComment": "Comments (optional; please leave out personal details)",
        "feedbackSend": "Send",
        "feedbackThanks": "Thank you for your feedback.",
        "supportLabel": "Contact support",
        "supportLead": "Still stuck?",
        "editPage": "Edit this page",
        "promoted": "Popular articles",
        "recent": "Recently updated",
        "feed": "Updates (Atom feed)",
        "markdownCopy": "Markdown",
    ]
}
