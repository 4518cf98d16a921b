/**
 * The drop-in file, `dist/quanda.js`: one `<script type="module">` registers every element.
 * A page can also import the client, errors and events from it; the writing forms load
 * on first use.
 */
import './define.js';

export * from './core.js';
