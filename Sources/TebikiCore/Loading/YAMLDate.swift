import Foundation

/// Dates in front matter, as YAML and Hugo write them: `2026-04-01`, `2026-04-01 09:30`,
/// `2026-04-01T09:30:00+09:00`, `2026-04-01T00:30:00Z`. A date without a zone is UTC.
enum YAMLDate {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = 0
        if index < bytes.count && (bytes[index] == 0x54 || bytes[index] == 0x74 || bytes[index] == 0x20) {
            index += 1
            guard let hour = number(2), skip(0x3A), let minute = number(2), hour < 24, minute < 60 else { return nil }
            seconds = hour * 3600 + minute * 60
            if skip(0x3A) {
                guard let second = number(2), second < 61 else { return nil }
                seconds += second
                if skip(0x2E) { while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 } }
            }
            _ = skip(0x20)
            if skip(0x5A) || skip(0x7A) {
                // UTC
            } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
                let sign = bytes[index] == 0x2D ? -1 : 1
                index += 1
                guard let offsetHours = number(2) else { return nil }
                _ = skip(0x3A)
                let offsetMinutes = number(2) ?? 0
                seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        guard index == bytes.count else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(daysFromEpoch(year: year, month: month, day: day) * 86_400 + seconds))
    }
}

private extension YAMLDate {
    /// So that 2026-02-30 is refused instead of becoming 2026-03-02.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
