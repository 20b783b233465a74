import Foundation
import Testing
@testable import TebikiCore

@Suite("Front matter dates")
struct YAMLDateTests {
    @Test(arguments: [
        ("2026-04-01", 1_775_001_600.0),
        ("2026-04-01T09:30:00+09:00", 1_775_003_400.0),
        ("2026-04-01T00:30:00Z", 1_775_003_400.0),
        ("2026-04-01 00:30", 1_775_003_400.0),
        ("2026-04-01T00:30:00.250Z", 1_775_003_400.0),
        ("1970-01-01", 0.0),
        ("2000-02-29", 951_782_400.0),
        ("2024-02-29", 1_709_164_800.0),
        ("2026-12-31", 1_798_675_200.0),
    ])
    func parses(text: String, seconds: Double) {
        #expect(YAMLDate.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["last tuesday", "2026-13-01", "2026-4-1", "2026-04-01T25:00", "2026-04-01x",
                      "2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-06-31", "2026-00-10", "2026-01-00"])
    func rejects(text: String) {
        #expect(YAMLDate.parse(text) == nil)
    }
}

@Suite("Calendar days")
struct CalendarDayTests {
    @Test(arguments: [0.0, 951_782_400, 1_775_003_400, 1_798_761_599, -86_400, 4_102_444_800])
    func matchesFoundationsGregorianCalendar(seconds: Double) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: seconds)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        #expect(date.utcDay == (parts.year!, parts.month!, parts.day!))
    }

    @Test func isoDayIsZeroPadded() {
        #expect(Date(timeIntervalSince1970: 1_775_003_400).isoDay == "2026-04-01")
    }

    /// The day as Foundation's formatter writes it, from 1600 (before the Gregorian calendar
    /// Foundation counts Julian days) to past 9999.
    @Test(arguments: [0.0, 951_782_400, 1_775_003_400, 1_798_761_599, -86_400, 4_102_444_800, -11_676_096_000, 253_402_300_799, 253_402_300_800])
    func isoDayMatchesFoundationsFormatter(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let (year, _, _) = date.utcDay
        #expect(date.isoDay == (year > 9999 ? "\(year)" + formatter.string(from: date).dropFirst(5) : formatter.string(from: date)))
    }

    /// The years before 1000 and after 9999 are written as they always were, with the digits they have.
    @Test func yearsOutsideFourDigitsKeepTheirDigits() {
        #expect(Date(timeIntervalSince1970: -30_610_224_000).isoDay == "1000-01-01")
        #expect(Date(timeIntervalSince1970: -30_610_224_000 - 86_400).isoDay == "999-12-31")
        #expect(Date(timeIntervalSince1970: 253_402_300_800).isoDay == "10000-01-01")
    }

    /// The feed's timestamps, as Foundation's formatter writes them: midnight, the last second
    /// of a day, a fraction of a second (dropped), a leap day, before 1970, and 2100.
    @Test(arguments: [0.0, 1_775_003_400, 1_775_003_400.75, 1_798_761_599, 951_868_799.999, -1, -86_400.5, 4_102_444_800, 1_775_036_705])
    func isoTimestampMatchesFoundationsFormatter(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        #expect(date.isoTimestamp == formatter.string(from: date))
    }
}
