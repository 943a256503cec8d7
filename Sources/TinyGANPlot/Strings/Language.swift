/// The languages tinygan writes in: its figures here, and the report's page
/// (whose words live in `templates/strings/LANG.json`).
public enum Language: String, CaseIterable, Sendable {
    case en, zh
}
