"""The schematic map: one box per region or nation, laid out roughly as on the ground."""

from dataclasses import dataclass
from urllib.parse import urlencode

from localgroups.places import MAP_TILES

TILE_WIDTH, TILE_HEIGHT, GAP = 200, 76, 8


@dataclass(frozen=True)
class Tile:
    region: str
    label: str
    count: int
    url: str
    is_current: bool
    x: int
    y: int
    width: int = TILE_WIDTH
    height: int = TILE_HEIGHT

    @property
    def text_x(self) -> int:
        return self.x + self.width // 2

    @property
    def count_text(self) -> str:
        return "1 group" if self.count == 1 else f"{self.count} groups"


def map_tiles(counts: dict[str, int], *, keep: dict[str, str], current: str) -> list[Tile]:
    """Each region's box with its count and a link to its list; `keep` holds the search's
    other choices (topic, format) so the link narrows the same search to that region."""
    kept = {name: value for name, value in keep.items() if value}
    return [
        Tile(region=region.value, label=region.label, count=counts.get(region.value, 0),
             url="?" + urlencode({**kept, "region": region.value}),
             is_current=region.value == current,
             x=GAP + column * (TILE_WIDTH + GAP), y=GAP + row * (TILE_HEIGHT + GAP))
        for region, (column, row) in sorted(MAP_TILES.items(), key=lambda tile: tile[1][::-1])
    ]


def map_size() -> tuple[int, int]:
    columns = 1 + max(column for column, _ in MAP_TILES.values())
    rows = 1 + max(row for _, row in MAP_TILES.values())
    return GAP + columns * (TILE_WIDTH + GAP), GAP + rows * (TILE_HEIGHT + GAP)


