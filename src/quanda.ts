/**
 * The drop-in file, `dist/quanda.js`: one `<script type="module">` registers every element.
 * Everything a site can import from the npm package is reachable as `window` exports too.
 */
import './define.js';

export * from './index.js';
