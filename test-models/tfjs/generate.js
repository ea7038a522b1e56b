// Writes TF.js layers models with TensorFlow.js itself, and the numbers TF.js reports for them.
//
//   npm install --no-save @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-layers@4.22.0 \
//       @tensorflow/tfjs-backend-cpu@4.22.0
//   node generate.js
//
// Each model goes to NAME/model.json + NAME/group1-shard1of1.bin (what model.save writes) and
// NAME/expected.json: per layer, TF.js' symbolic output shape, the shape a forward pass gives (batch
// as null) and countParams(); the model's countParams(). Only Sequential models so far.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const tfl = require('@tensorflow/tfjs-layers');

const VERSIONS = {core: '4.22.0', layers: '4.22.0'};

// TF.js turns a Reshape's -1 into null and writes target_shape [null, 4].
function reshapeNull() {
  const m = tfl.sequential({name: 'reshape_null'});
  m.add(tfl.layers.dense({inputShape: [8], units: 12, name: 'dense'}));
  m.add(tfl.layers.reshape({targetShape: [-1, 4], name: 'reshape'}));
  m.add(tfl.layers.dense({units: 2, name: 'dense_1'}));
  m.add(tfl.layers.reshape({targetShape: [2, -1], name: 'reshape_1'}));
  return m;
}

const MODELS = {reshape_null: reshapeNull};

function shapes(layer) {
  const s = layer.outputShape;
  return Array.isArray(s[0]) || s[0] === undefined && s.length === 0 ? s : [s];
}

async function write(name, model) {
  const dir = path.join(__dirname, name);
  fs.mkdirSync(dir, {recursive: true});
  // TF.js' symbolic shape leaves a Reshape's -1 dimension unknown; one forward pass (batch 1, a
  // Sequential's layers one after the other) records what each layer really outputs.
  const runtime = {};
  let x = tf.ones([1].concat(model.inputs[0].shape.slice(1)));
  for (const l of model.layers) {
    x = l.apply(x);
    runtime[l.name] = [[null].concat(x.shape.slice(1))];
  }
  await model.save(tf.io.withSaveHandler(async (a) => {
    const shard = 'group1-shard1of1.bin';
    fs.writeFileSync(path.join(dir, shard), Buffer.from(a.weightData));
    const json = {
      modelTopology: a.modelTopology,
      format: a.format,
      generatedBy: a.generatedBy,
      convertedBy: a.convertedBy,
      weightsManifest: [{paths: [shard], weights: a.weightSpecs}],
    };
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
  }));
  const expected = {
    generator: 'generate.js',
    tfjs_layers: tfl.version_layers,
    tfjs_core: tf.version_core,
    model: name,
    files: ['model.json'],
    totals: {params: model.countParams()},
    layers: model.layers.map((l) => ({
      name: l.name,
      class: l.getClassName(),
      output_shapes: shapes(l),
      runtime_output_shapes: runtime[l.name],
      params: l.countParams(),
    })),
  };
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
}

(async () => {
  await tf.setBackend('cpu');
  if (tfl.version_layers !== VERSIONS.layers || tf.version_core !== VERSIONS.core) {
    throw new Error('needs tfjs-layers ' + VERSIONS.layers + ', has ' + tfl.version_layers);
  }
  const only = process.argv.slice(2);
  for (const [name, build] of Object.entries(MODELS)) {
    if (only.length === 0 || only.includes(name)) {
      await write(name, build());
      console.log('wrote ' + name);
    }
  }
})();
