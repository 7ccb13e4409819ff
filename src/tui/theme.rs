//! Colours and styles in one place. With NO_COLOR set, every style falls
//! back to modifiers (bold, reverse, underline) and the map to shading.

use ratatui::style::{Color, Modifier, Style};

/// Score classes on the map, low need to high need (a yellow-orange-red
/// ramp, readable on dark and light backgrounds).
const CLASS_COLORS: [Color; 5] = [
    Color::Rgb(255, 255, 178),
    Color::Rgb(254, 204, 92),
    Color::Rgb(253, 141, 60),
    Color::Rgb(240, 59, 32),
    Color::Rgb(189, 0, 38),
];

/// Shading per class when colour is off: denser = more need.
const CLASS_SHADES: [char; 5] = ['·', ':', '░', '▒', '▓'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn note(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    pub fn header(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn column_cursor(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn selected_row(&self, focused: bool) -> Style {
        if self.color {
            let bg = if focused {
                Color::Rgb(40, 70, 110)
            } else {
                Color::Rgb(50, 50, 50)
            };
            Style::default().bg(bg).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn shortlisted(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }

    pub fn ineligible(&self) -> Style {
        self.dim()
    }

    pub fn search_hit(&self) -> Style {
        self.fg(Color::LightYellow)
            .add_modifier(Modifier::UNDERLINED)
    }

    pub fn up(&self) -> Style {
        self.fg(Color::LightGreen)
    }

    pub fn down(&self) -> Style {
        self.fg(Color::LightRed)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn bar(&self, positive: bool) -> Style {
        if positive {
            self.fg(Color::LightRed)
        } else {
            self.fg(Color::LightGreen)
        }
    }

    pub fn class_color(&self, class: usize) -> Color {
        CLASS_COLORS[class.min(CLASS_COLORS.len() - 1)]
    }

    /// GeoDa's cluster-map colours: high-high red, low-low blue, low-high
    /// light blue, high-low light red, not significant grey.
    pub fn lisa_color(&self, class: usize) -> Color {
        const LISA: [Color; 5] = [
            Color::Rgb(255, 0, 0),
            Color::Rgb(0, 0, 255),
            Color::Rgb(167, 173, 249),
            Color::Rgb(244, 173, 168),
            Color::Rgb(200, 200, 200),
        ];
        LISA[class.min(LISA.len() - 1)]
    }

    pub fn lisa_swatch(&self, class: usize) -> (char, Style) {
        if self.color {
            ('█', Style::default().fg(self.lisa_color(class)))
        } else {
            (self.class_shade(class), Style::default())
        }
    }

    pub fn class_shade(&self, class: usize) -> char {
        CLASS_SHADES[class.min(CLASS_SHADES.len() - 1)]
    }

    pub fn class_swatch(&self, class: usize) -> (char, Style) {
        if self.color {
            ('█', Style::default().fg(self.class_color(class)))
        } else {
            (self.class_shade(class), Style::default())
        }
    }

    pub fn unranked_color(&self) -> Color {
        Color::Rgb(90, 90, 90)
    }

    pub fn water_color(&self) -> Color {
        Color::Rgb(60, 100, 150)
    }

    pub fn boundary_color(&self) -> Color {
        if self.color {
            Color::Rgb(40, 40, 40)
        } else {
            Color::Reset
        }
    }

    pub fn shortlist_color(&self) -> Color {
        if self.color {
            Color::Rgb(0, 80, 255)
        } else {
            Color::Reset
        }
    }

    pub fn selected_color(&self) -> Color {
        if self.color {
            Color::Rgb(0, 255, 255)
        } else {
            Color::Reset
        }
    }

    pub fn school_color(&self) -> Color {
        if self.color {
            Color::Rgb(20, 20, 20)
        } else {
            Color::Reset
        }
    }
}
