"""The timeline point's hand-written rendering says exactly what its declared fields say."""

import datetime
import json

from rest_framework import serializers

from quotes.analysis import Point
from quotes.api.analysis_serializers import PointSerializer


def test_fast_rendering_equals_drfs_field_by_field_rendering():
    points = [
        Point(
            "2021-10", datetime.date(2021, 10, 1), 3, 2, -1.5, -2.0, -1.0, [7, 9], [], -0.5, False
        ),
        Point("2021-11", datetime.date(2021, 11, 1), 1),  # no stance: mean, min, max are None
    ]
    serializer = PointSerializer()
    for point in points:
        fast = serializer.to_representation(point)
        generic = serializers.Serializer.to_representation(serializer, point)
        assert json.loads(json.dumps(fast)) == json.loads(json.dumps(generic))
        assert fast["without_stance"] == point.count - point.with_stance
