# Blender checks the cameras siege exports (tests/export/test_cameras.sh runs it):
#   blender --background --factory-startup --python blender_camera_check.py -- \
#       CAMERA.json CAMERA.chan CAMERA.usda FRAME [FRAME...]
# Debian's Blender 3.4 is built without USD (no bpy.ops.wm.usd_import) and has no .chan
# importer, so this script reads both files as text and hands their numbers to Blender the
# way an artist's import would: the .chan's translate and ZXY Euler angles onto a camera
# whose rotation_mode is 'ZXY', the .usda's matrix, focal length and vertical aperture onto
# another, both under an empty that turns siege's Y-up into Blender's Z-up. Blender then does
# the maths (Euler order, world matrices, the field of view from lens and sensor, the scene's
# fps), and each must agree with siege's JSON within 1 cm and 0.05 degrees, the fps to
# Blender's float precision (the .usda's own value exactly). As a check that the
# check can fail, the .chan is also applied in a wrong order, YXZ (tilt after pan instead of
# before: with no roll, XYZ would equal ZXY), which must disagree at some frame.
import json
import math
import re
import sys

import bpy
from mathutils import Matrix, Vector

TOLERANCE_M = 0.01
TOLERANCE_DEG = 0.05


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def usda_samples(text, attribute):
    """The time samples of one attribute as {frame: value text}."""
    start = text.find(attribute + ".timeSamples = {")
    if start < 0:
        fail("the .usda has no time samples of " + attribute)
    body = text[text.index("{", start) + 1:text.index("\n        }", start)]
    samples = {}
    for line in body.strip().splitlines():
        frame, value = line.strip().rstrip(",").split(":", 1)
        samples[int(frame)] = value.strip()
    return samples


def usda_float(text, name):
    match = re.search(r"\b" + name + r" = ([-0-9.e]+)", text)
    if not match:
        fail("the .usda has no " + name)
    return float(match.group(1))


def new_camera(name, parent, width, height):
    data = bpy.data.cameras.new(name)
    camera = bpy.data.objects.new(name, data)
    bpy.context.scene.collection.objects.link(camera)
    camera.parent = parent
    return camera


def siege_to_blender(v):
    """A siege point (Y up) where the Y-up root puts it in Blender (Z up)."""
    return Vector((v[0], -v[2], v[1]))


def compare(label, camera, expected, fov_deg=None):
    bpy.context.view_layer.update()
    world = camera.matrix_world
    position = world.translation
    want = siege_to_blender(expected["position"])
    error = (position - want).length
    forward = (world.to_3x3() @ Vector((0, 0, -1))).normalized()
    want_forward = (siege_to_blender(expected["target"]) - want).normalized()
    angle = math.degrees(forward.angle(want_forward))
    print("%s frame %d: position off by %.4f m, view direction by %.4f deg" % (label, expected["frame"], error, angle))
    ok = error <= TOLERANCE_M and angle <= TOLERANCE_DEG
    if fov_deg is not None:
        print("%s frame %d: vertical fov %.5f deg, siege %.5f" % (label, expected["frame"], fov_deg, expected["fov"]))
        ok = ok and abs(fov_deg - expected["fov"]) <= TOLERANCE_DEG
    return ok


def main():
    args = sys.argv[sys.argv.index("--") + 1:]
    json_path, chan_path, usda_path = args[:3]
    frames = [int(f) for f in args[3:]]
    siege = json.load(open(json_path))
    by_frame = {f["frame"]: f for f in siege["frames"]}
    chan = {}
    for line in open(chan_path):
        columns = line.split()
        if len(columns) != 8:
            fail("a .chan line has %d columns, not 8: %r" % (len(columns), line))
        chan[int(columns[0])] = [float(c) for c in columns[1:]]
    usda = open(usda_path).read()

    bpy.ops.wm.read_factory_settings(use_empty=True)
    scene = bpy.context.scene
    scene.render.resolution_x, scene.render.resolution_y = siege["width"], siege["height"]
    root = bpy.data.objects.new("y_up", None)  # siege and USD are Y-up; Blender is Z-up
    scene.collection.objects.link(root)
    root.rotation_euler = (math.radians(90), 0, 0)

    # The scene's frame rate from the USD layer, as Blender holds it (fps / fps_base).
    tcps = usda_float(usda, "timeCodesPerSecond")
    scene.render.fps = round(tcps)
    scene.render.fps_base = round(tcps) / tcps
    num, _, den = siege["fps"].partition("/")
    exact = int(num) / int(den or 1)
    blender_fps = scene.render.fps / scene.render.fps_base
    print("fps: Blender %.12f, siege %s = %.12f" % (blender_fps, siege["fps"], exact))
    # The .usda carries the rate to double precision; Blender keeps fps_base as a 32-bit float,
    # so its 23.976 (24 / 1.001, as its own preset) agrees to float precision only.
    if abs(usda_float(usda, "framesPerSecond") - exact) > 1e-12 or abs(tcps - exact) > 1e-12:
        fail("the .usda's frame rate is not exact")
    if abs(blender_fps - exact) > 1e-5 * exact:
        fail("Blender's scene runs at %.9f fps, not %s" % (blender_fps, siege["fps"]))

    chan_camera = new_camera("chan", root, siege["width"], siege["height"])
    chan_camera.rotation_mode = "ZXY"  # Nuke's default order, as the .chan is written
    wrong = new_camera("chan_wrong_order", root, siege["width"], siege["height"])
    wrong.rotation_mode = "YXZ"
    usd_camera = new_camera("usd", root, siege["width"], siege["height"])
    usd_camera.data.sensor_fit = "VERTICAL"
    focal = usda_samples(usda, "float focalLength")
    matrix = usda_samples(usda, "matrix4d xformOp:transform")
    ok = True
    told_apart = False
    for frame in frames:
        if frame not in by_frame or frame not in chan or frame not in focal:
            fail("frame %d is missing from one of the files" % frame)
        expected = by_frame[frame]
        tx, ty, tz, rx, ry, rz, vfov = chan[frame]
        for camera in (chan_camera, wrong):
            camera.location = (tx, ty, tz)
            camera.rotation_euler = (math.radians(rx), math.radians(ry), math.radians(rz))
        # Blender's own field of view for the .chan's vfov on a vertical-fit sensor.
        chan_camera.data.sensor_fit = "VERTICAL"
        chan_camera.data.lens = 0.5 * chan_camera.data.sensor_height / math.tan(math.radians(vfov) / 2)
        ok = compare("chan", chan_camera, expected, math.degrees(chan_camera.data.angle_y)) and ok
        told_apart = not compare("chan in the wrong order (must disagree)", wrong, expected) or told_apart
        # USD: rows of a row-vector matrix; lens and aperture in tenths of a metre (x100 = mm).
        rows = [[float(x) for x in row.split(",")] for row in re.findall(r"\(([^()]*)\)", matrix[frame])]
        usd_camera.matrix_parent_inverse = Matrix.Identity(4)
        usd_camera.matrix_basis = Matrix(rows).transposed()
        usd_camera.data.sensor_height = usda_float(usda, "verticalAperture") * 100
        usd_camera.data.sensor_width = usda_float(usda, "horizontalAperture") * 100
        usd_camera.data.lens = float(focal[frame]) * 100
        ok = compare("usda", usd_camera, expected, math.degrees(usd_camera.data.angle_y)) and ok
    if not ok:
        fail("Blender's cameras disagree with siege's")
    if not told_apart:
        fail("no frame checked tells a wrong rotation order apart: check frames where the camera pans and tilts")
    print("OK: Blender agrees with siege at frames %s" % frames)


main()
