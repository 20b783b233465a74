import Foundation

extension Calendar {
    /// Dates are shown as UTC days so a build gives the same pages on every machine.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension Date {
    /// Year, month and day in UTC.
    var utcDay: (year: Int, month: Int, day: Int) {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: self)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// `2026-11-26`, for `<time datetime>` and sitemaps.
    var isoDay: String {
        let (year, month, day) = utcDay
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
