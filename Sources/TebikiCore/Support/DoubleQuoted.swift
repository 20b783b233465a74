import Foundation

/// `text` in double quotes, with `"`, `\` and control characters escaped (`\n`, `\t`, `\r`,
/// `\xHH`): a form YAML reads back as the same text, and one that keeps a diagnostic on one line.
func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02X", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
