# Run by tests/export/test_exr_writer.cpp as
#   blender --background --factory-startup --python blender_cryptomatte.py -- FRAME.exr OUT_DIR LAYER=NAME ...
# Opens a siege EXR in Blender's compositor, prints the passes its Image node offers, and for
# each LAYER=NAME writes the matte Blender's own Cryptomatte node extracts to OUT_DIR/matte_<i>.exr.
import sys

import bpy

args = sys.argv[sys.argv.index("--") + 1:]
frame, out_dir, mattes = args[0], args[1], args[2:]

scene = bpy.context.scene
scene.render.engine = "CYCLES"  # never drawn: the compositor has no Render Layers node
image = bpy.data.images.load(frame)
scene.render.resolution_x, scene.render.resolution_y = image.size[0] or 8, image.size[1] or 4
scene.render.resolution_percentage = 100
scene.render.image_settings.file_format = "OPEN_EXR"
scene.render.image_settings.color_depth = "32"
scene.use_nodes = True
tree = scene.node_tree
for node in list(tree.nodes):
    tree.nodes.remove(node)
source = tree.nodes.new("CompositorNodeImage")
source.image = image
print("PASSES", ",".join(o.name for o in source.outputs))
crypto = tree.nodes.new("CompositorNodeCryptomatteV2")
crypto.source = "IMAGE"
crypto.image = image
composite = tree.nodes.new("CompositorNodeComposite")
tree.links.new(crypto.outputs["Matte"], composite.inputs[0])
for i, spec in enumerate(mattes):
    layer, name = spec.split("=", 1)
    crypto.layer_name = layer
    crypto.matte_id = name
    scene.render.filepath = f"{out_dir}/matte_{i}.exr"
    bpy.ops.render.render(write_still=True)
    print("MATTE", i, crypto.layer_name, crypto.matte_id)
